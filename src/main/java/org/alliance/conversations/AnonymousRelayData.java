package org.alliance.conversations;

/** One message of an anonymous conversation on its way: which conversation, which way, and what was written. */
record AnonymousRelayData(String conversationId, Direction direction, String text) {

    /** Stored by name in lower case. */
    enum Direction {
        /** From the leader to the answer's author. */
        TO_AUTHOR,
        /** From the author back to the leader. */
        TO_LEADER
    }
}
