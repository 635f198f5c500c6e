package org.alliance.commitments;

import java.time.LocalDate;
import java.util.List;

/** Whether a person may follow up one member's answer, and what the form needs to show if so. */
sealed interface FollowUp {

    /** A question and the member's answer, shown as context while the leader decides what to do. */
    record Said(String question, String answer) {
    }

    /**
     * @param leaderToday the leader's today, in their time zone: the earliest day they may pick
     * @param context     the member's answers to "how can I help"-style questions; may be empty
     */
    record Allowed(String checkInId, String checkInTitle, String memberId, String memberName, LocalDate leaderToday,
                   List<Said> context) implements FollowUp {
        public Allowed {
            context = List.copyOf(context);
        }
    }

    record Refused(String message) implements FollowUp {
    }
}
