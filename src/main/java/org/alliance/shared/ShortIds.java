package org.alliance.shared;

import java.security.SecureRandom;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Short ids people can read aloud and type: six characters without 0/O or 1/I/L lookalikes.
 * Recurring check-ins start with R and playbooks with P, and nothing else does, so one word names any kind.
 */
@Component
public class ShortIds {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final char SERIES = 'R';
    private static final char PLAYBOOK = 'P';
    static final int LENGTH = 6;

    private final SecureRandom random = new SecureRandom();

    /** A check-in's or a commitment's id. */
    public String next() {
        char[] id = draw();
        if (id[0] == SERIES || id[0] == PLAYBOOK) {
            id[0] = 'K';
        }
        return new String(id);
    }

    /** A recurring check-in's id. */
    public String series() {
        char[] id = draw();
        id[0] = SERIES;
        return new String(id);
    }

    /** A playbook's id. */
    public String playbook() {
        char[] id = draw();
        id[0] = PLAYBOOK;
        return new String(id);
    }

    public static String normalize(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
    }

    private char[] draw() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return id;
    }
}
