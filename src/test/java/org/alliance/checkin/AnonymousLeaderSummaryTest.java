package org.alliance.checkin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import org.alliance.questions.Question;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The leader's copy of an anonymous summary: a Reply privately per text answer, within Slack's limits. */
class AnonymousLeaderSummaryTest {

    private static final Instant CREATED = Instant.parse("2026-11-30T10:00:00Z");
    private static final List<Question> QUESTIONS = List.of(
            Question.text("a", "What is important for you?"),
            Question.scale("s", "How comfortable are you?"),
            Question.text("b", "What can I do to help?"),
            Question.text("c", "Anything else?"));

    private static CheckIn checkIn(List<String> participants) {
        return new CheckIn("K7Q2MX", "T0001", "U0LEADER", "trust", "Building trust", "x", QUESTIONS, participants,
                "C0TEAM", "1.0", "1.0", Visibility.ANONYMOUS, 3, CREATED.plus(3, ChronoUnit.DAYS), CREATED,
                CheckInStatus.COMPLETED, CREATED.plusSeconds(60), null, null);
    }

    private static List<Response> answered(int n) {
        List<Response> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String user = "U" + String.format("%04d", i);
            all.add(new Response("K7Q2MX:" + user, "T0001", "K7Q2MX", user, ResponseStatus.ANSWERED,
                    Map.of("a", "answer a of " + user, "s", "4", "b", "answer b of " + user, "c", "x".repeat(1000)),
                    null, "D" + user, "1.1", 0, null, null, CREATED, CREATED));
        }
        return all;
    }

    @Test
    void manyAnswersAreSplitIntoMessagesOfAtMostFiftyBlocksKeepingEveryButtonOnce() {
        List<Response> responses = answered(100);
        List<String> keys = new ArrayList<>();
        List<String> keyedAuthors = new ArrayList<>();
        List<Out.Message> messages = AnonymousLeaderSummary.render(checkIn(responses.stream().map(Response::userId)
                .toList()), responses, new Random(3), (c, author, questionId) -> {
                    keyedAuthors.add(author.userId() + "/" + questionId);
                    String key = "key" + keys.size();
                    keys.add(key);
                    return key;
                });

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages).allSatisfy(m -> assertThat(m.blocks()).hasSizeLessThanOrEqualTo(50));
        List<String> shownKeys = new ArrayList<>();
        for (Out.Message m : messages) {
            for (LayoutBlock block : m.blocks()) {
                if (block instanceof SectionBlock s) {
                    assertThat(s.getText().getText().length()).isLessThanOrEqualTo(3000);
                    if (s.getAccessory() instanceof ButtonElement b) {
                        assertThat(b.getActionId()).isEqualTo(AnswerButtons.REPLY_PRIVATELY);
                        shownKeys.add(b.getValue());
                    }
                }
            }
        }
        // Three text questions answered by 100 people: 300 buttons, in the order the keys were made (the shown order).
        assertThat(shownKeys).hasSize(300).containsExactlyElementsOf(keys);
        assertThat(new HashSet<>(keyedAuthors)).hasSize(300);
        // The order is shuffled, not the order people were asked in.
        assertThat(keyedAuthors.subList(0, 100)).isNotEqualTo(responses.stream().map(r -> r.userId() + "/a").toList());
        // The closing Thanks button is in the last message only.
        assertThat(messages.get(messages.size() - 1).blocks().toString()).contains(AnswerButtons.ACKNOWLEDGE_SUMMARY);
        assertThat(messages.subList(0, messages.size() - 1)).allSatisfy(m ->
                assertThat(m.blocks().toString()).doesNotContain(AnswerButtons.ACKNOWLEDGE_SUMMARY));
        assertThat(messages.get(1).text()).contains("continued");
    }

    @Test
    void aFewAnswersFitOneMessageWithAButtonPerTextAnswerAndNoneForScales() {
        List<Response> responses = answered(3);
        Set<String> questionsKeyed = new HashSet<>();
        List<Out.Message> messages = AnonymousLeaderSummary.render(checkIn(List.of("U0000", "U0001", "U0002")),
                responses, new Random(1), (c, author, questionId) -> {
                    questionsKeyed.add(questionId);
                    return "k-" + author.userId() + questionId;
                });

        assertThat(messages).hasSize(1);
        assertThat(questionsKeyed).containsExactlyInAnyOrder("a", "b", "c");
        String shown = messages.get(0).blocks().toString();
        assertThat(shown).contains("Average *4.0 / 5*").contains("3 people answered");
        assertThat(messages.get(0).text()).doesNotContain("U0000");
    }
}
