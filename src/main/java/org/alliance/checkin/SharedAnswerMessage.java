package org.alliance.checkin;

import java.util.List;
import java.util.Map;

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
        b.context("Check-in `" + c.id() + "`");
        if (c.visibility() != Visibility.ANONYMOUS) {
            b.tail(actions(List.of(
                    button(bt -> bt.actionId(AnswerButtons.ACKNOWLEDGE).value(r.id())
                            .text(plainText("Thanks, I've read this"))),
                    button(bt -> bt.actionId(AnswerButtons.REPLY).value(r.id()).text(plainText("Reply"))),
                    button(bt -> bt.actionId(FollowUpButton.ACTION_ID)
                            .value(new FollowUpButton(c.id(), r.userId()).value()).text(plainText("Follow up"))),
                    button(bt -> bt.actionId(AnswerButtons.AGREEMENT).value(r.id())
                            .text(plainText("Make an agreement"))))));
        }
        return b.message(plain(authorName) + (edited ? " edited their answer to " : " answered ") + escape(c.title()));
    }
}
