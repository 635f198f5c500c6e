package org.alliance.checkin;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.alliance.slack.SlackDates;

import static org.alliance.checkin.MessageParts.mention;
import static org.alliance.checkin.MessageParts.people;

/** What the leader is told once a start has gone through, or why it did not. */
final class StartReplies {

    /** Keeps the reply well inside an ephemeral message; the parent message and status list everyone. */
    private static final int MAX_NAMED = 20;

    private StartReplies() {
    }

    static String text(StartOutcome outcome) {
        if (outcome instanceof StartOutcome.Refused refused) {
            return ":warning: " + refused.message();
        }
        StartOutcome.Started started = (StartOutcome.Started) outcome;
        CheckIn c = started.checkIn();
        int asked = started.asked();
        String sent = asked == 0 ? "I haven't sent it to anyone." : "I've sent it to " + people(asked) + ".";
        String away = started.away().isEmpty() ? "" : " " + awaySentence(c, started.away());
        String ended = asked == 0 && started.notReached().isEmpty() && !started.away().isEmpty()
                ? " With nobody to wait for, it is already complete."
                : "";
        return ":white_check_mark: Check-in `" + c.id() + "` started in <#" + c.channelId() + ">. " + sent + away
                + ended + " `/alliance status " + c.id() + "` shows how it's going.";
    }

    /** "Away, so not asked: <@A> until …", in the order the leader named them. */
    private static String awaySentence(CheckIn c, Map<String, Instant> away) {
        String who = c.participants().stream().filter(away::containsKey).limit(MAX_NAMED)
                .map(u -> mention(u) + " until " + SlackDates.format(away.get(u)))
                .collect(Collectors.joining(", "));
        int more = away.size() - MAX_NAMED;
        return (away.size() == 1 ? "Away, so not asked: " : "Away, so not asked (" + away.size() + "): ") + who
                + (more > 0 ? " and " + more + " more" : "") + ".";
    }
}
