package org.alliance.recurring;

/** Pause, Resume and Stop for a recurring check-in, wherever they are shown; the value is the series id. */
public final class SeriesButtons {

    public static final String PAUSE = id("series_pause");
    public static final String RESUME = id("series_resume");
    public static final String STOP = id("series_stop");

    private SeriesButtons() {
    }

    /**
     * Not a compile-time constant on purpose: javac would copy a literal into every class that
     * shows the button, and the architecture test could no longer see who uses this contract.
     */
    private static String id(String actionId) {
        return actionId;
    }
}
