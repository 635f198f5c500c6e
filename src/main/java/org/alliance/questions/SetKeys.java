package org.alliance.questions;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a saved set's key may be. It is what people type after {@code /alliance start}, so it is one short
 * word that can't be mistaken for a built-in purpose or for a word of {@code /alliance templates}.
 */
final class SetKeys {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 30;

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]*[a-z0-9]");
    /** The words {@code /alliance templates} reads as commands, so {@code /alliance templates <key>} stays clear. */
    static final Set<String> COMMAND_WORDS = Set.of("new", "edit", "delete");

    private static final Set<String> RESERVED = reserved();

    private SetKeys() {
    }

    /** A key as typed, made comparable: trimmed and lower-cased. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    static boolean isReserved(String key) {
        return RESERVED.contains(key);
    }

    /** Why a (normalized) key can't be used, as plain text for the form; empty when it can. */
    static Optional<String> problemWith(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("Give the set a short key, such as quarterly. It is what people type to start it.");
        }
        if (key.length() > MAX_LENGTH) {
            return Optional.of("Keep the key to " + MAX_LENGTH + " characters or fewer (it has " + key.length() + ").");
        }
        if (key.length() < MIN_LENGTH) {
            return Optional.of("Make the key at least " + MIN_LENGTH + " characters long.");
        }
        if (!SHAPE.matcher(key).matches()) {
            return Optional.of("Use only lower-case letters, digits and dashes, starting with a letter and not "
                    + "ending with a dash, such as quarterly-review.");
        }
        if (isReserved(key)) {
            return Optional.of(COMMAND_WORDS.contains(key)
                    ? "\"" + key + "\" is a word of /alliance templates. Choose another key."
                    : "\"" + key + "\" is a built-in purpose. Choose another key.");
        }
        return Optional.empty();
    }

    private static Set<String> reserved() {
        Set<String> words = new HashSet<>(COMMAND_WORDS);
        words.add(QuestionSets.CUSTOM);
        BuiltInQuestionSets.ALL.forEach(s -> words.add(s.key()));
        BuiltInQuestionSets.PLAYBOOK_STEPS.forEach(s -> words.add(s.key()));
        return Set.copyOf(words);
    }
}
