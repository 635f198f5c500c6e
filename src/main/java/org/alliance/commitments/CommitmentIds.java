package org.alliance.commitments;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/** Short ids a leader can read and type, in the same alphabet as check-in ids (no 0/O, 1/I/L). */
@Component
class CommitmentIds {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    static final int LENGTH = 6;

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
