package org.alliance.slack;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Slack renders {@code <!date^…>} in each reader's own time zone, so one message reads right for
 * people in different places; the fallback text (UTC) is for clients that can't render it.
 */
public final class SlackDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
            .ofPattern("EEE d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm",
            Locale.ENGLISH);

    private SlackDates() {
    }

    /** Date and time, e.g. "Tue 3 Mar at 10:00" in the reader's zone. */
    public static String format(Instant instant) {
        return token(instant, "{date_short_pretty} at {time}", DATE_TIME);
    }

    /** The date alone, e.g. "Tue 3 Mar" in the reader's zone. */
    public static String date(Instant instant) {
        return token(instant, "{date_short_pretty}", DATE);
    }

    /**
     * A wall-clock time that is the same for everyone in their own zone (a recurring round's local
     * send time), so no {@code <!date>} conversion: e.g. "Mon 7 Dec 2026 at 10:00".
     */
    public static String local(LocalDateTime local) {
        return LOCAL.format(local);
    }

    private static String token(Instant instant, String format, DateTimeFormatter fallback) {
        return "<!date^" + instant.getEpochSecond() + "^" + format + "|" + fallback.format(instant) + ">";
    }
}
