package org.alliance.questions;

public enum QuestionKind {
    /** Free text, up to {@link Question#MAX_ANSWER_LENGTH} characters. */
    TEXT,
    /** A whole number from 1 to 5. */
    SCALE
}
