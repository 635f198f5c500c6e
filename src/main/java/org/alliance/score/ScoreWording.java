package org.alliance.score;

import java.time.Duration;
import java.util.List;

/** The figures in words, each with its count, and plain words instead of 0% when there is nothing to count. */
final class ScoreWording {

    static final String TITLE = "Your follow-through (last 90 days)";
    static final String ONLY_YOU = "Only you see this. It's never shown to anyone else or compared with other leaders.";

    private ScoreWording() {
    }

    static List<String> lines(FollowThroughScore s) {
        String window = "in the last " + s.days() + " days";
        return List.of(onTime(s.onTime(), window), replies(s.replies(), window), helped(s.helped(), window),
                loops(s.loopsClosed(), window));
    }

    /** The title, the figures and who sees them, as one mrkdwn text. */
    static String text(FollowThroughScore s) {
        StringBuilder text = new StringBuilder(":bar_chart: *").append(TITLE).append("*");
        for (String line : lines(s)) {
            text.append("\n• ").append(line);
        }
        return text.append("\n_").append(ONLY_YOU).append("_").toString();
    }

    private static String onTime(FollowThroughScore.Share s, String window) {
        return s.empty() ? "No commitments due " + window + "."
                : "*Commitments done by their due date:* " + s.count() + " of " + s.of();
    }

    private static String replies(FollowThroughScore.Replies r, String window) {
        String waiting = r.waiting() == 0 ? ""
                : " · " + r.waiting() + (r.waiting() == 1 ? " answer is" : " answers are") + " still waiting for you";
        if (r.closed() == 0) {
            return r.waiting() == 0 ? "No answers to your check-ins " + window + "."
                    : "*From an answer to your acknowledgement or reply:* none acknowledged or replied to yet" + waiting;
        }
        return "*From an answer to your acknowledgement or reply:* median " + duration(r.median()) + ", over "
                + r.closed() + (r.closed() == 1 ? " answer" : " answers") + waiting;
    }

    private static String helped(FollowThroughScore.Share s, String window) {
        return s.empty() ? "Nobody answered \"Did it help?\" " + window + "."
                : "*\"Did it help?\" answered yes:* " + s.count() + " of " + s.of();
    }

    private static String loops(FollowThroughScore.Share s, String window) {
        return s.empty() ? "No answered check-ins " + window + "."
                : "*Check-ins where you closed the loop on every answer:* " + s.count() + " of " + s.of()
                        + (s.of() == 1 ? " check-in" : " check-ins");
    }

    /** Rounded to what a person would say: minutes within the hour, hours within two days, then days. */
    static String duration(Duration d) {
        long minutes = Math.round(d.toSeconds() / 60.0);
        if (minutes < 1) {
            return "under a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = Math.round(d.toSeconds() / 3600.0);
        if (hours < 48) {
            return hours + " h";
        }
        long days = Math.round(d.toSeconds() / 86_400.0);
        return days + " days";
    }
}
