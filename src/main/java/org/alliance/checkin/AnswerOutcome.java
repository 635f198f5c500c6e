package org.alliance.checkin;

import java.util.Map;

/** What became of an answer, a skip or a thread reply. */
sealed interface AnswerOutcome {

    /**
     * Stored; follow-up work (sharing, DM and progress updates) is due. {@code namedChanged} is false for
     * an edit that changed only answers to anonymous questions: nothing the leader sees may move then, or
     * the moment would tie the change to its author.
     */
    record Recorded(CheckIn checkIn, Response response, boolean namedChanged) implements AnswerOutcome {

        Recorded(CheckIn checkIn, Response response) {
            this(checkIn, response, true);
        }
    }

    /** Not allowed (not a participant, closed, already skipped); {@code message} is for the person. */
    record Refused(String message) implements AnswerOutcome {
    }

    /** Some answers were not acceptable: question id to what is wrong. Nothing was stored. */
    record Invalid(Map<String, String> problems) implements AnswerOutcome {
    }

    /** A reply in a DM thread that is no check-in's invitation: someone else may know the thread. */
    record NotAnAnswerThread() implements AnswerOutcome {
    }

    /** Nothing to do (a redelivered event, an answer already taken). */
    record Ignored() implements AnswerOutcome {
    }
}
