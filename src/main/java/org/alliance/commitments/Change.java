package org.alliance.commitments;

/** What became of a click that changes a commitment (Mark done, Did it help?). */
sealed interface Change {

    /** This click changed it: the follow-up messages are due. */
    record Changed(Commitment commitment) implements Change {
    }

    /** An earlier click changed it already: nothing more to do but say so. */
    record Unchanged(Commitment commitment) implements Change {
    }

    record Refused(String message) implements Change {
    }
}
