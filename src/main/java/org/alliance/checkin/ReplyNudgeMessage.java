package org.alliance.checkin;

import java.time.Instant;
import java.util.List;

import org.alliance.slack.SlackDates;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.alliance.checkin.MessageParts.mention;
import static org.alliance.slack.SlackText.escape;

/**
 * The leader's one nudge about an answer still waiting for them. It says who sees it (only the
 * leader) before anything else, and carries the buttons that close the loop from where it is.
 */
final class ReplyNudgeMessage {

    private ReplyNudgeMessage() {
    }

    /** About one person's answer; {@code answerLink} is mrkdwn pointing at the shared answer, or null. */
    static Out.Message answer(CheckIn c, Response r, String answerLink) {
        Out b = new Out();
        b.context(":lock: Only you see this nudge. " + mention(r.userId()) + " is not told about it.");
        b.section(":hourglass_flowing_sand: " + mention(r.userId()) + " answered your check-in *" + escape(c.title())
                + "* (`" + c.id() + "`) " + when(r.answeredAt()) + " and hasn't heard back from you yet."
                + (answerLink == null ? "" : " " + answerLink + "."));
        b.context("*Thanks, I've read this* lets them know you read it; *Reply* answers them. "
                + "This is the only nudge about this answer.");
        b.tail(SharedAnswerMessage.buttons(c, r));
        return b.message("A nudge: an answer to " + escape(c.title()) + " is waiting for you");
    }

    /** About an anonymous check-in's summary: it names nobody, as the summary doesn't. */
    static Out.Message summary(CheckIn c) {
        Out b = new Out();
        b.context(":lock: Only you see this nudge.");
        b.section(":hourglass_flowing_sand: The anonymous summary of your check-in *" + escape(c.title()) + "* (`"
                + c.id() + "`) has been waiting since " + when(c.closedAt() != null ? c.closedAt() : c.dueAt())
                + ". A quick *Thanks, I've read this* tells everyone who was asked that you read it; it names nobody.");
        b.context("This is the only nudge about this summary.");
        b.tail(actions(List.of(button(bt -> bt.actionId(AnswerButtons.ACKNOWLEDGE_SUMMARY).value(c.id())
                .text(plainText("Thanks, I've read this"))))));
        return b.message("A nudge: the anonymous summary of " + escape(c.title()) + " is waiting for you");
    }

    private static String when(Instant at) {
        return at == null ? "a while ago" : "on " + SlackDates.format(at);
    }
}
