package org.alliance.agreements;

import java.util.List;

/** What became of a request about an agreement, for the handler to render. */
sealed interface Outcome {

    /** Not theirs to do; {@code message} says so kindly and names nobody they can't already see. */
    record Refused(String message) implements Outcome {
    }

    /** Typed input that can't be taken; shown under the form's field. */
    record Invalid(String message) implements Outcome {
    }

    /** Nothing to change (a second click, a replaced version); {@code message} says why. */
    record Unchanged(String message) implements Outcome {
    }

    /** Stored: the agreement after the change and the version it was about. */
    record Changed(Agreement agreement, Agreement.Version version) implements Outcome {
    }

    /**
     * The form to open for a leader.
     *
     * @param checkInId  the check-in whose answers it starts from; null when revising
     * @param prefill    the points to start from, one a line
     * @param said       the person's answers, shown beside the points when they are not the prefill
     * @param suggestion the person's suggested change being answered; null when none
     */
    record Draft(String memberId, String checkInId, String prefill, List<Said> said, String suggestion)
            implements Outcome {
    }

    /** One question and the person's answer to it, as shown. */
    record Said(String question, String answer) {
    }
}
