package org.alliance.history;

/** Opens the history between the leader who clicks and one person; the value is that person's user id. */
public final class HistoryButton {

    public static final String ACTION_ID = "history_open";

    private HistoryButton() {
    }
}
