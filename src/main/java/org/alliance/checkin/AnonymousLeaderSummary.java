package org.alliance.checkin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import org.alliance.questions.Question;
import org.alliance.questions.QuestionKind;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.alliance.checkin.MessageParts.people;
import static org.alliance.slack.SlackText.escape;

/**
 * The leader's copy of an anonymous summary: each text answer on its own, with "Reply privately"
 * beside it, whose value is an opaque key and never the author's id. Scale answers stay averaged
 * and have no button. When the answers need more blocks than one Slack message holds, the copy
 * goes as several messages, in the same random order.
 */
final class AnonymousLeaderSummary {

    /** The key standing for one answer's author and question. */
    @FunctionalInterface
    interface Keys {
        String key(CheckIn c, Response author, String questionId);
    }

    /** Room left in each message for the closing context and buttons. */
    static final int PER_MESSAGE = Out.MAX_BLOCKS - 2;
    private static final int QUESTION_CHARS = 2800;

    private final List<List<LayoutBlock>> pages = new ArrayList<>();
    private final LayoutBlock continued;
    private List<LayoutBlock> page = new ArrayList<>();

    private AnonymousLeaderSummary(CheckIn c) {
        this.continued = Blocks.context(List.of(markdownText("_Anonymous summary of " + escape(SlackText.truncate(
                c.title(), 200)) + ", continued._")));
    }

    static List<Out.Message> render(CheckIn c, List<Response> responses, Random random, Keys keys) {
        List<Response> answered = responses.stream().filter(r -> r.status() == ResponseStatus.ANSWERED).toList();
        AnonymousLeaderSummary s = new AnonymousLeaderSummary(c);
        s.add(section(":busts_in_silhouette: *Anonymous summary: " + escape(c.title()) + "*\n"
                + people(answered.size()) + " answered. Answers are shown without names, in a random order. "
                + "*Reply privately* sends your reply to its author without telling you who they are."), null);
        for (Question q : c.questions()) {
            String heading = "*" + escape(SlackText.truncate(q.text(), QUESTION_CHARS)) + "*";
            List<Response> withAnswer = new ArrayList<>(answered.stream().filter(r -> answer(r, q) != null).toList());
            s.add(Blocks.divider(), null);
            if (withAnswer.isEmpty()) {
                s.add(section(heading + "\n_No answers._"), null);
            } else if (q.kind() == QuestionKind.SCALE) {
                s.add(section(heading + "\n" + AnonymousSummaryMessage.scaleSummary(
                        withAnswer.stream().map(r -> answer(r, q)).toList())), null);
            } else {
                Collections.shuffle(withAnswer, random);
                s.add(section(heading), null);
                LayoutBlock again = section(heading + " _(continued)_");
                for (Response r : withAnswer) {
                    String key = keys.key(c, r, q.id());
                    s.add(Blocks.section(b -> b.text(markdownText(quote(answer(r, q))))
                            .accessory(button(bt -> bt.actionId(AnswerButtons.REPLY_PRIVATELY).value(key)
                                    .text(plainText("Reply privately"))))), again);
                }
            }
        }
        return s.messages(c, answered.size());
    }

    private void add(LayoutBlock block, LayoutBlock headingWhenContinued) {
        if (page.size() >= PER_MESSAGE) {
            pages.add(page);
            page = new ArrayList<>();
            page.add(continued);
            if (headingWhenContinued != null) {
                page.add(headingWhenContinued);
            }
        }
        page.add(block);
    }

    private List<Out.Message> messages(CheckIn c, int answered) {
        page.add(Blocks.context(List.of(markdownText("Check-in `" + c.id() + "`"))));
        page.add(actions(List.of(button(bt -> bt.actionId(AnswerButtons.ACKNOWLEDGE_SUMMARY).value(c.id())
                .text(plainText("Thanks, I've read this"))))));
        pages.add(page);
        List<Out.Message> messages = new ArrayList<>();
        String title = escape(c.title());
        for (int i = 0; i < pages.size(); i++) {
            String text = i == 0 ? "Anonymous summary of " + title + ": " + people(answered) + " answered"
                    : "Anonymous summary of " + title + ", continued (" + (i + 1) + " of " + pages.size() + ")";
            messages.add(new Out.Message(SlackText.truncate(text, 3000), List.copyOf(pages.get(i))));
        }
        return messages;
    }

    private static String answer(Response r, Question q) {
        String a = r.answers().get(q.id());
        return a == null || a.isBlank() ? null : a.strip();
    }

    private static LayoutBlock section(String mrkdwn) {
        return Blocks.section(b -> b.text(markdownText(SlackText.truncate(mrkdwn, Out.MAX_SECTION_TEXT))));
    }

    private static String quote(String answer) {
        String escaped = escape(SlackText.truncate(answer, AnonymousSummaryMessage.SUMMARY_ANSWER_CHARS))
                .replace("\r\n", "\n").replace('\r', '\n');
        return SlackText.truncate(MessageParts.QUOTE + escaped.replace("\n", "\n" + MessageParts.QUOTE),
                Out.MAX_SECTION_TEXT);
    }
}
