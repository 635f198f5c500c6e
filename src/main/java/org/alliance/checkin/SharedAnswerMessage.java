package org.alliance.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.alliance.checkin.MessageParts.mention;
import static org.alliance.checkin.MessageParts.plain;
import static org.alliance.checkin.MessageParts.questionAndAnswer;
import static org.alliance.slack.SlackText.escape;

/** One person's answers, under their name: in the check-in's thread, or in the leader's DM thread. */
final class SharedAnswerMessage {

    private SharedAnswerMessage() {
    }

    static Out.Message render(CheckIn c, Response r, String authorName, boolean edited) {
        return render(c, r, authorName, edited, List.of());
    }

    /** @param earlier their answers to the playbook's earlier steps, for the leader's copy only; else empty */
    static Out.Message render(CheckIn c, Response r, String authorName, boolean edited,
                              List<EarlierAnswers.Earlier> earlier) {
        Out b = new Out();
        b.section(mention(r.userId()) + (edited ? " answered _(edited)_:" : " answered:"));
        Map<String, String> answers = r.orderedAnswers(c);
        if (answers.isEmpty()) {
            b.section("_No answers given._");
        }
        answers.forEach((questionId, answer) -> c.question(questionId)
                .ifPresent(q -> questionAndAnswer(b, q, answer)));
        EarlierAnswers.render(b, earlier);
        b.context("Check-in `" + c.id() + "`" + (c.visibility() == Visibility.LEADER
                ? ". Only you see this answer. To write to " + mention(r.userId()) + ", reply in this thread or "
                        + "press *Reply*: only they see it."
                : "") + (c.anonymousQuestions().isEmpty() ? ""
                : (c.visibility() == Visibility.LEADER ? " " : ". ") + "Answers to its anonymous questions are never shown here: they come without names, in a "
                        + "summary once the check-in ends."));
        if (c.visibility() != Visibility.ANONYMOUS) {
            if (r.acknowledgedAt() != null) {
                b.tail(ReadMarks.readLine(r.acknowledgedAt()));
            }
            b.tail(buttons(c, r));
        }
        return b.message(plain(authorName) + (edited ? " edited their answer to " : " answered ") + escape(c.title()));
    }

    /** What the leader can do with an answer; once they have read it, "Thanks, I've read this" is gone. */
    static LayoutBlock buttons(CheckIn c, Response r) {
        List<BlockElement> buttons = new ArrayList<>();
        if (r.acknowledgedAt() == null) {
            buttons.add(button(bt -> bt.actionId(AnswerButtons.ACKNOWLEDGE).value(r.id())
                    .text(plainText("Thanks, I've read this"))));
        }
        buttons.add(button(bt -> bt.actionId(AnswerButtons.REPLY).value(r.id()).text(plainText("Reply"))));
        buttons.add(button(bt -> bt.actionId(FollowUpButton.ACTION_ID)
                .value(new FollowUpButton(c.id(), r.userId()).value()).text(plainText("Follow up"))));
        buttons.add(button(bt -> bt.actionId(AnswerButtons.AGREEMENT).value(r.id())
                .text(plainText("Make an agreement"))));
        return actions(buttons);
    }
}
