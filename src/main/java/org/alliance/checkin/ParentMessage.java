package org.alliance.checkin;

import java.util.List;
import java.util.stream.Collectors;

import org.alliance.slack.SlackDates;

import static org.alliance.checkin.MessageParts.channel;
import static org.alliance.checkin.MessageParts.mention;
import static org.alliance.checkin.MessageParts.mentions;
import static org.alliance.checkin.MessageParts.objective;
import static org.alliance.checkin.MessageParts.people;
import static org.alliance.checkin.MessageParts.plain;
import static org.alliance.slack.SlackText.escape;

/**
 * The check-in's message in the channel: what was asked of whom, the progress, who sees the
 * answers, and once it has ended, how it ended. It is re-rendered as answers come in.
 */
final class ParentMessage {

    /** Each named person takes about 90 characters; this keeps the line inside one section. */
    private static final int MAX_AWAY_NAMED = 25;

    private ParentMessage() {
    }

    static Out.Message render(CheckIn c, Progress progress, String leaderName) {
        Out b = new Out();
        b.section("*Check-in: " + escape(c.title()) + "*\n" + mention(c.leaderId())
                + (c.isOpen() ? " is checking in with " : " checked in with ") + people(progress.total()) + ".");
        if (!c.isOpen()) {
            b.section(endedLine(c));
        }
        objective(b, c);
        List<String> away = progress.away().stream().map(Progress.Away::userId).toList();
        List<String> asked = c.participants().stream().filter(u -> !away.contains(u)).toList();
        b.section("*Asked:* " + (asked.isEmpty() ? "nobody" : mentions(asked, Out.MAX_SECTION_TEXT - 100)));
        if (!away.isEmpty()) {
            b.section(awayLine(progress.away()));
        }
        b.fields("*Due*\n" + SlackDates.format(c.dueAt()), "*Progress*\n" + progress.summary());
        b.section("*Who sees the answers:* " + visibilityForChannel(c));
        b.context("Check-in `" + c.id() + "`" + (c.isOpen() ? "  ·  " + threadNote(c) : ""));
        if (c.isOpen()) {
            // Everyone sees it; only the leader gets the form (EditActions refuses others politely).
            b.tail(com.slack.api.model.block.Blocks.actions(java.util.List.of(
                    com.slack.api.model.block.element.BlockElements.button(x -> x.actionId(EditActions.OPEN)
                            .value(c.id()).text(com.slack.api.model.block.composition.BlockCompositions
                                    .plainText("Edit (leader)"))))));
        }
        String text = c.isOpen()
                ? plain(leaderName) + " is checking in: " + escape(c.title()) + ". " + progress.summary() + "."
                : "Check-in " + escape(c.title()) + " has " + c.endedWord() + ". " + progress.summary() + ".";
        return b.message(text);
    }

    /** Who was away when the check-in started, so was not asked, and until when. */
    static String awayLine(List<Progress.Away> away) {
        String who = away.stream().limit(MAX_AWAY_NAMED)
                .map(a -> mention(a.userId()) + " (until " + SlackDates.format(a.until()) + ")")
                .collect(Collectors.joining(", "));
        int more = away.size() - MAX_AWAY_NAMED;
        return "*Away, not asked:* " + who + (more > 0 ? " and " + more + " more" : "");
    }

    /** Why the parent could not be posted, for the leader. */
    static String cannotPost(String channelId, String error) {
        String where = channel(channelId);
        String e = error == null ? "unknown_error" : error;
        return switch (e) {
            case "not_in_channel" -> "I'm not in " + where + ". Invite me with `/invite @Alliance` and try again.";
            case "channel_not_found" -> "I can't see that channel: it's private or doesn't exist. If it's private, "
                    + "invite me with `/invite @Alliance` there and try again.";
            case "is_archived" -> where + " is archived, so I can't post there. Please pick another channel.";
            case "thread_not_found", "message_not_found" -> "I can't find the thread to post in: it may have been "
                    + "deleted. Please start the check-in again in " + where + ".";
            case "restricted_action", "restricted_action_read_only_channel", "restricted_action_thread_only_channel",
                 "restricted_action_non_threadable_channel", "cannot_post", "ekm_access_denied",
                 "team_access_not_granted", "not_allowed_token_type", "missing_scope" ->
                    "I'm not allowed to post in " + where + " (Slack said `" + e + "`). Please pick another "
                            + "channel, or ask an admin to let me post there.";
            default -> "I couldn't post in " + where + " (Slack said `" + escape(e) + "`). Please try again in a "
                    + "moment, or pick another channel.";
        };
    }

    /** Who sees the answers, said to the channel. */
    private static String visibilityForChannel(CheckIn c) {
        return switch (c.visibility()) {
            case LEADER -> "only " + mention(c.leaderId()) + ", in a direct message.";
            case THREAD -> "everyone in this channel: each answer is posted in this thread under its author's name.";
            case ANONYMOUS -> "nobody by name. Once at least " + c.anonymousThreshold()
                    + " people have answered, a summary without names is posted in this thread; "
                    + "with fewer, the answers stay unseen.";
        };
    }

    private static String endedLine(CheckIn c) {
        String at = c.closedAt() == null ? "" : " " + SlackDates.format(c.closedAt());
        return switch (c.status()) {
            case OPEN -> "";
            case COMPLETED -> ":white_check_mark: *Completed*: everyone has answered or skipped.";
            case CLOSED -> ":lock: *Closed* at the due time" + (at.isEmpty() ? "." : ", " + at.strip() + ".");
            case STOPPED -> ":octagonal_sign: *Stopped* by " + mention(c.leaderId()) + (at.isEmpty() ? "." : at + ".");
        };
    }

    private static String threadNote(CheckIn c) {
        return switch (c.visibility()) {
            case LEADER -> "Answers go privately to " + mention(c.leaderId());
            case THREAD -> "Answers are posted in this thread";
            case ANONYMOUS -> "A summary without names will be posted in this thread";
        };
    }
}
