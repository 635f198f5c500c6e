package org.alliance.commitments;

import java.util.Map;

/** What became of a submitted follow-up form. */
sealed interface Submission {

    record Created(Commitment commitment) implements Submission {
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
