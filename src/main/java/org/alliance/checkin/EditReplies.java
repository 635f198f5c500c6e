package org.alliance.checkin;

import java.util.List;

import org.alliance.slack.SlackDates;

/** What the leader is told about a change to their check-in. */
final class EditReplies {

    private EditReplies() {
    }

    static String done(CheckInEditor.Outcome.Changed changed, List<String> notReached) {
        CheckIn c = changed.checkIn();
        StringBuilder text = new StringBuilder(":pencil2: Check-in `" + c.id() + "` is changed.");
        List<String> invited = changed.added().stream()
                .filter(u -> !changed.away().contains(u) && !notReached.contains(u)).toList();
        if (!invited.isEmpty()) {
            text.append("\n• Invited now: ").append(mentions(invited)).append('.');
        }
        if (!changed.away().isEmpty()) {
            text.append("\n• Added but away, so not asked: ").append(mentions(changed.away())).append('.');
        }
        if (!notReached.isEmpty()) {
            text.append("\n• I couldn't send it to ").append(mentions(notReached))
                    .append(": they may have deactivated accounts or blocked DMs from apps.");
        }
        if (!changed.removed().isEmpty()) {
            text.append("\n• Taken off (told no answer is needed): ")
                    .append(mentions(changed.removed().stream().map(Response::userId).toList())).append('.');
        }
        if (changed.dueMoved()) {
            text.append("\n• Now due ").append(SlackDates.format(c.dueAt()))
                    .append("; reminders and the closing moved with it, and everyone waiting was told.");
        }
        return text.toString();
    }

    private static String mentions(List<String> userIds) {
        return String.join(", ", userIds.stream().map(u -> "<@" + u + ">").toList());
    }
}
