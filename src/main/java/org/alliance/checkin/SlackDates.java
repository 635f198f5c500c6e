package org.alliance.checkin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Slack renders {@code <!date^…>} in each reader's own time zone; the fallback is UTC. */
final class SlackDates {

    private static final DateTimeFormatter FALLBACK = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SlackDates() {
    }

    static String format(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} at {time}|" + FALLBACK.format(instant) + ">";
    }
}
