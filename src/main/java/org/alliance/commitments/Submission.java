package org.alliance.commitments;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What became of a submitted follow-up form. */
sealed interface Submission {

    /** @param reminders when the leader will be reminded, earliest first; empty when it is too late for any */
    record Created(Commitment commitment, List<Instant> reminders) implements Submission {
        public Created {
            reminders = List.copyOf(reminders);
        }
    }

    /** What to fix, field by field, in words for the leader. */
    record Invalid(Map<Commitment.Field, String> problems) implements Submission {
        public Invalid {
            problems = Map.copyOf(problems);
        }
    }

    record Refused(String message) implements Submission {
    }
}
