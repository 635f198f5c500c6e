package org.alliance.recurring;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/** Series ids start with R (for recurring) so people and commands can tell them from round ids. */
@Component
class SeriesIds {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] id = new char[6];
        id[0] = 'R';
        for (int i = 1; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
