package org.alliance.recurring;

import java.time.LocalTime;
import java.util.Locale;

/**
 * Wording shared by both kinds of {@link Cadence}. User text is shown only in a form that can't
 * turn into chat markup, because these messages go straight back to the leader in Slack.
 */
final class CadenceWording {

    private CadenceWording() {
    }

    static String choices() {
        return "Use `1w` (weekly), `2w` (every two weeks), `1mo` (monthly) or a cron expression like "
                + "`0 10 * * MON` (Mondays at 10:00).";
    }

    static String code(String text) {
        return "`" + plain(text) + "`";
    }

    /** Keeps letters, digits, spaces and cron punctuation; drops anything else (such as {@code < > & `}). */
    static String plain(String text) {
        String kept = (text == null ? "" : text).replaceAll("[^\\p{Alnum} *?/,#:.'_-]", "")
                .replaceAll("\\s+", " ").strip();
        return kept.length() > 40 ? kept.substring(0, 40) + "…" : kept;
    }

    static String clock(LocalTime at) {
        return String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute());
    }
}
