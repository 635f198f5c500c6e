package org.alliance.questions;

import java.util.List;

/**
 * A purpose with its questions. {@code key} is what people type ({@code /alliance start trust}),
 * {@code objective} the one line every participant is shown unless the leader writes their own.
 */
public record QuestionSet(String key, String title, String objective, List<Question> questions) {

    public QuestionSet {
        questions = List.copyOf(questions);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a question set needs at least one question");
        }
    }
}
