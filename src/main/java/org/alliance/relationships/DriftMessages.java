package org.alliance.relationships;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import org.alliance.checkin.StartButtons;
import org.alliance.slack.SlackDates;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;

/** The drift alert and what it becomes as the leader stops tracking people. Pure. */
final class DriftMessages {

    /** A message to send: {@code text} is the notification and fallback, {@code blocks} what is shown. */
    record Message(String text, List<LayoutBlock> blocks) {
    }

    /** Two blocks a person, plus a heading and a footer, within Slack's 50 blocks per message. */
    static final int MAX_PEOPLE = 20;
    static final String PERSON_BLOCK = "drift_person:";
    static final String ACTIONS_BLOCK = "drift_actions:";

    private DriftMessages() {
    }

    /** @param more drifting people left out of this message, who come in a later one */
    static Message alert(List<Relationship> people, int more, Instant now, DriftLimits limits,
                         Duration remindEvery) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":hourglass_flowing_sand: *It's been a while.* You haven't "
                + "checked in with " + (people.size() == 1 ? "this person" : "these people") + " for longer than usual:"))));
        for (Relationship r : people) {
            blocks.add(section(s -> s.blockId(PERSON_BLOCK + r.memberId()).text(markdownText(line(r, now, limits)))));
            blocks.add(actions(a -> a.blockId(ACTIONS_BLOCK + r.memberId()).elements(List.of(
                    button(StartButtons.CHECK_IN_WITH, "Check in", r.memberId(), "primary"),
                    button(DriftButtons.STOP_TRACKING, "Stop tracking", r.memberId(), null)))));
        }
        String footer = (more > 0 ? "…and " + more + " more, in a later message. " : "")
                + "*Stop tracking* takes someone off your people until you next check in with them. "
                + "I mention the same person at most every " + days(remindEvery) + ".";
        blocks.add(context(c -> c.elements(asContextElements(markdownText(footer)))));
        List<String> names = people.stream().map(r -> mention(r.memberId())).toList();
        return new Message("It's been a while since you checked in with " + String.join(", ", names)
                + (more > 0 ? " and " + more + " more" : ""), blocks);
    }

    /** The clicked alert with {@code memberId}'s buttons replaced by a note that they are no longer tracked. */
    static List<LayoutBlock> stopped(List<LayoutBlock> blocks, String memberId) {
        List<LayoutBlock> changed = new ArrayList<>();
        for (LayoutBlock block : blocks) {
            if ((ACTIONS_BLOCK + memberId).equals(block.getBlockId())) {
                changed.add(context(c -> c.blockId(block.getBlockId()).elements(asContextElements(markdownText(
                        ":white_check_mark: Stopped tracking " + mention(memberId) + ".")))));
            } else {
                changed.add(block);
            }
        }
        return changed;
    }

    static String stoppedReply(String memberId) {
        return ":white_check_mark: Stopped tracking " + mention(memberId) + ": I won't remind you about them. "
                + "Your next check-in with them puts them back among your people.";
    }

    static String alreadyStopped(String memberId) {
        return "You already stopped tracking " + mention(memberId) + ", so there is nothing more to do. "
                + "Your next check-in with them puts them back among your people.";
    }

    static String notYours(String memberId) {
        return mention(memberId) + " isn't among your people (you haven't checked in with them), "
                + "so there is nothing to stop.";
    }

    private static String line(Relationship r, Instant now, DriftLimits limits) {
        long days = r.daysSince(now);
        return mention(r.memberId()) + " · last check-in " + SlackDates.date(r.lastCheckInAt()) + ", " + days
                + (days == 1 ? " day" : " days") + " ago"
                + (limits.recurring().containsKey(r.memberId())
                ? " · in your recurring check-in, due every " + days(limits.recurring().get(r.memberId())) : "");
    }

    private static ButtonElement button(String actionId, String label, String value, String style) {
        return ButtonElement.builder().actionId(actionId).text(plainText(label)).value(value).style(style).build();
    }

    private static String days(Duration d) {
        long days = d.toDays();
        if (days < 1) {
            long hours = Math.max(1, d.toHours());
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return days + (days == 1 ? " day" : " days");
    }

    private static String mention(String userId) {
        return "<@" + userId + ">";
    }
}
