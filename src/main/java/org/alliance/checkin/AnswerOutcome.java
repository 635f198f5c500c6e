package org.alliance.checkin;

import java.util.Map;

/** What became of an answer, a skip or a thread reply. */
sealed interface AnswerOutcome {

    /** Stored; follow-up work (sharing, DM and progress updates) is due. */
    record Recorded(CheckIn checkIn, Response response) implements AnswerOutcome {
    }

    /** Not allowed (not a participant, closed, already skipped); {@code message} is for the person. */
    record Refused(String message) implements AnswerOutcome {
    }

    /** Some answers were not acceptable: question id to what is wrong. Nothing was stored. */
    record Invalid(Map<String, String> problems) implements AnswerOutcome {
    }

    /** Nothing to do (a redelivered event, a reply outside any check-in thread). */
    record Ignored() implements AnswerOutcome {
    }
}
