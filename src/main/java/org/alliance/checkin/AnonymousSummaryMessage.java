package org.alliance.checkin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.alliance.questions.Question;
import org.alliance.questions.QuestionKind;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.alliance.checkin.MessageParts.QUOTE;
import static org.alliance.checkin.MessageParts.people;
import static org.alliance.slack.SlackText.escape;

/**
 * The unattributed summary of an anonymous check-in, or, when too few answered, the leader's
 * note that the answers stay unseen. The randomness is an argument, so the order can be tested.
 */
final class AnonymousSummaryMessage {

    /** Each answer in an anonymous summary is shortened to this, so many answers fit one message. */
    static final int SUMMARY_ANSWER_CHARS = 1000;

    private AnonymousSummaryMessage() {
    }

    /**
     * Per question, text answers in a random order and scale answers as an average and a count
     * per value. Only answered responses count. Nothing in it names or points at anyone: no ids,
     * no times, no order that follows the participants.
     */
    static Out.Message render(CheckIn c, List<Response> responses, Random random) {
        return render(c, responses, random, false);
    }

    /**
     * The same summary; the leader's copy ({@code forLeader}) carries the buttons that close the
     * loop, which nobody else could use.
     */
    static Out.Message render(CheckIn c, List<Response> responses, Random random, boolean forLeader) {
        List<Response> answered = responses.stream().filter(r -> r.status() == ResponseStatus.ANSWERED).toList();
        Out b = new Out();
        b.section(":busts_in_silhouette: *Anonymous summary: " + escape(c.title()) + "*\n"
                + people(answered.size()) + " answered. Answers are shown without names, in a random order.");
        for (Question q : c.questions()) {
            question(b, q, answered, random);
        }
        b.context("Check-in `" + c.id() + "`");
        if (forLeader) {
            b.tail(actions(List.of(button(bt -> bt.actionId(AnswerButtons.ACKNOWLEDGE_SUMMARY).value(c.id())
                    .text(plainText("Thanks, I've read this"))))));
        }
        return b.message("Anonymous summary of " + escape(c.title()) + ": " + people(answered.size()) + " answered");
    }

    /**
     * One question's answers from {@code answered} (answered responses only): a divider, then its text
     * answers shuffled, or its scale answers as an average and counts.
     */
    static void question(Out b, Question q, List<Response> answered, Random random) {
        List<String> values = new ArrayList<>();
        for (Response r : answered) {
            String a = r.answers().get(q.id());
            if (a != null && !a.isBlank()) {
                values.add(a.strip());
            }
        }
        b.divider();
        if (values.isEmpty()) {
            b.section("*" + escape(q.text()) + "*\n_No answers._");
        } else if (q.kind() == QuestionKind.SCALE) {
            b.section("*" + escape(q.text()) + "*\n" + scaleSummary(values));
        } else {
            Collections.shuffle(values, random);
            StringBuilder text = new StringBuilder("*").append(escape(q.text())).append("*");
            for (String v : values) {
                String escaped = escape(SlackText.truncate(v, SUMMARY_ANSWER_CHARS)).replace("\r\n", "\n");
                text.append('\n').append("> • ").append(escaped.replace("\n", "\n>    "));
            }
            b.section(text.toString(), QUOTE);
        }
    }

    /** For the leader, instead of the summary, when fewer than the threshold answered. */
    static Out.Message belowThreshold(CheckIn c, int answered) {
        String line = "Your anonymous check-in *" + escape(c.title()) + "* (`" + c.id() + "`) got "
                + (answered == 1 ? "only 1 answer" : answered == 0 ? "no answers" : "only " + answered + " answers")
                + ", fewer than the " + c.anonymousThreshold() + " needed for a summary. To protect everyone's "
                + "anonymity, the answers stay unseen, by you and by everyone else.";
        Out b = new Out();
        b.section(":lock: " + line);
        return b.message("Your anonymous check-in " + escape(c.title()) + " ended below its threshold; the answers stay unseen");
    }

    static String scaleSummary(List<String> values) {
        Map<Integer, Integer> counts = new TreeMap<>();
        int sum = 0;
        int n = 0;
        for (String v : values) {
            try {
                int value = Integer.parseInt(v.strip());
                if (value >= 1 && value <= 5) {
                    counts.merge(value, 1, Integer::sum);
                    sum += value;
                    n++;
                }
            } catch (NumberFormatException ignored) {
                // a scale answer is validated on the way in; anything else is left out of the numbers
            }
        }
        if (n == 0) {
            return "_No answers._";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Average *%.1f / 5*, from %d %s", (double) sum / n,
                n, n == 1 ? "answer" : "answers"));
        for (int value = 5; value >= 1; value--) {
            int count = counts.getOrDefault(value, 0);
            s.append("\n`").append(value).append("` ").append("▇".repeat(Math.min(count, 30)))
                    .append(count == 0 ? "" : " ").append(count);
        }
        return s.toString();
    }
}
