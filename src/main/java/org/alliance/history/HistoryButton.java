package org.alliance.history;

/** Opens the history between the leader who clicks and one person; the value is that person's user id. */
public final class HistoryButton {

    public static final String ACTION_ID = id("history_open");

    private HistoryButton() {
    }

    /**
     * Not a compile-time constant on purpose: javac would copy a literal into every class that
     * shows the button, and the architecture test could no longer see who uses this contract.
     */
    private static String id(String actionId) {
        return actionId;
    }
}
