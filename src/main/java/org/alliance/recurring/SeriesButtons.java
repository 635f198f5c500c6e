package org.alliance.recurring;

/** Pause, Resume and Stop for a recurring check-in, wherever they are shown; the value is the series id. */
public final class SeriesButtons {

    public static final String PAUSE = "series_pause";
    public static final String RESUME = "series_resume";
    public static final String STOP = "series_stop";

    private SeriesButtons() {
    }
}
