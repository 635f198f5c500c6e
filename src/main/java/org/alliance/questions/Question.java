package org.alliance.questions;

import java.util.Objects;
import java.util.Optional;

/**
 * One question of a set. {@code id} is stable within its set, so answers keep pointing at it.
 *
 * @param anonymous its answers are never shown with a name, even in a check-in whose other answers are:
 *                  they are reported without names once enough people answered it. A {@code Boolean},
 *                  so documents stored before the flag existed (no field) read as false rather than
 *                  failing the record codec's primitive check.
 */
public record Question(String id, String text, QuestionKind kind, Boolean anonymous) {

    public static final int MAX_ANSWER_LENGTH = 3000;

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        kind = kind == null ? QuestionKind.TEXT : kind;
        anonymous = Boolean.TRUE.equals(anonymous);
    }

    /** A question answered under the author's name, as the check-in's visibility says. */
    public Question(String id, String text, QuestionKind kind) {
        this(id, text, kind, false);
    }

    public static Question text(String id, String text) {
        return new Question(id, text, QuestionKind.TEXT);
    }

    public static Question scale(String id, String text) {
        return new Question(id, text, QuestionKind.SCALE);
    }

    /** The same question, marked anonymous or not. */
    public Question asAnonymous(boolean anonymous) {
        return new Question(id, text, kind, anonymous);
    }

    /** Whether its answers are kept apart from the author's name (never null, unlike a raw stored flag). */
    public boolean isAnonymous() {
        return anonymous;
    }

    /** An answer as every message, view and file shows it: a scale answer reads "3 / 5", text as given. */
    public String shown(String answer) {
        return kind == QuestionKind.SCALE && answer != null && !answer.isBlank() ? answer.strip() + " / 5" : answer;
    }

    /**
     * Why an answer is not acceptable, in words for the person answering; empty when it is fine.
     * A blank answer is acceptable: people may leave a question out.
     */
    public Optional<String> problemWith(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        if (kind == QuestionKind.SCALE) {
            String a = answer.strip();
            return a.length() == 1 && a.charAt(0) >= '1' && a.charAt(0) <= '5'
                    ? Optional.empty()
                    : Optional.of("Please answer with a number from 1 to 5.");
        }
        return answer.length() > MAX_ANSWER_LENGTH
                ? Optional.of("Please keep your answer under " + MAX_ANSWER_LENGTH + " characters (it has "
                        + answer.length() + ").")
                : Optional.empty();
    }
}
