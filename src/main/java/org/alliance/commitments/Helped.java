package org.alliance.commitments;

import java.util.Locale;
import java.util.Optional;

/** The member's answer to "Did it help?" once the leader marks a commitment done. */
enum Helped {
    YES("Yes"),
    SOMEWHAT("Somewhat"),
    NO("Not really");

    private final String label;

    Helped(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Helped> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(word.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
