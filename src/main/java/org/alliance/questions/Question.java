package org.alliance.questions;

import java.util.Objects;
import java.util.Optional;

/** One question of a set. {@code id} is stable within its set, so answers keep pointing at it. */
public record Question(String id, String text, QuestionKind kind) {

    public static final int MAX_ANSWER_LENGTH = 3000;

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        kind = kind == null ? QuestionKind.TEXT : kind;
    }

    public static Question text(String id, String text) {
        return new Question(id, text, QuestionKind.TEXT);
    }

    public static Question scale(String id, String text) {
        return new Question(id, text, QuestionKind.SCALE);
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
