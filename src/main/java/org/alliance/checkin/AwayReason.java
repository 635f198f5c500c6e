package org.alliance.checkin;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliance.slack.SlackDates;

/**
 * The skip reason the bot itself writes for someone away ("Away until <date>"). It holds a Slack
 * date token, so it is shown as it is, and in any visibility: nobody typed it. A reason someone
 * typed that merely starts the same way is theirs, and is escaped and kept private like any other.
 */
final class AwayReason {

    private static final String PREFIX = "Away until ";
    private static final Pattern WRITTEN_BY_THE_BOT = Pattern.compile(
            Pattern.quote(PREFIX) + "<!date\\^(\\d+)\\^[^|<>]+\\|[^<>]+>");

    private AwayReason() {
    }

    static String until(Instant until) {
        return PREFIX + SlackDates.format(until);
    }

    static boolean isAway(String reason) {
        return reason != null && WRITTEN_BY_THE_BOT.matcher(reason).matches();
    }

    /** When someone the bot skipped as away is back; empty for any other reason, typed ones included. */
    static Optional<Instant> untilOf(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        Matcher m = WRITTEN_BY_THE_BOT.matcher(reason);
        return m.matches() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : Optional.empty();
    }
}
