package org.alliance.checkin;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/** Short ids people can read aloud and type: no 0/O, 1/I/L lookalikes. */
@Component
class ShortIds {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    static final int LENGTH = 6;

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        if (id[0] == 'R') {
            // Ids starting with R belong to recurring check-ins.
            id[0] = 'K';
        }
        return new String(id);
    }

    static String normalize(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
