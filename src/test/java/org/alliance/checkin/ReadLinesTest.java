package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import org.alliance.questions.Question;
import org.junit.jupiter.api.Test;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;

/** How "read" shows: in place of the button, in the shared answer, and in the person's DM. */
class ReadLinesTest {

    private static final Instant NOW = Instant.parse("2025-01-06T09:00:00Z");
    private static final Instant READ = NOW.plusSeconds(600);

    @Test
    void theReadButtonBecomesALineAndEverythingElseStays() {
        List<LayoutBlock> blocks = List.of(section(s -> s.text(markdownText("answer one"))),
                actions(List.of(button(b -> b.actionId(AnswerButtons.REPLY_PRIVATELY).value("k1").text(plainText("Reply privately"))))),
                actions(List.of(button(b -> b.actionId(AnswerButtons.ACKNOWLEDGE_SUMMARY).value("CHK").text(plainText("Thanks"))),
                        button(b -> b.actionId("other").value("x").text(plainText("Other"))))));

        List<LayoutBlock> read = ReadMarks.replaced(blocks, AnswerButtons.ACKNOWLEDGE_SUMMARY, READ).orElseThrow();

        String json = json(read);
        assertThat(read).hasSize(4);
        assertThat(read.get(0)).isInstanceOf(SectionBlock.class);
        assertThat(json).contains("k1").contains("\"other\"").contains(":eyes: Read <!date^" + READ.getEpochSecond())
                .doesNotContain(AnswerButtons.ACKNOWLEDGE_SUMMARY);
        assertThat(read.get(2)).isInstanceOf(ContextBlock.class);
        assertThat(ReadMarks.replaced(read, AnswerButtons.ACKNOWLEDGE_SUMMARY, READ)).as("already read").isEmpty();
        assertThat(ReadMarks.replaced(null, AnswerButtons.ACKNOWLEDGE_SUMMARY, READ)).isEmpty();
    }

    @Test
    void aReadAnswerKeepsItsOtherButtonsUnderAReadLine() {
        Out.Message m = SharedAnswerMessage.render(checkIn(Visibility.LEADER, CheckInStatus.OPEN),
                answered(READ), "Mem", false);
        List<LayoutBlock> blocks = m.blocks();
        assertThat(blocks.get(blocks.size() - 2)).isInstanceOf(ContextBlock.class);
        assertThat(((ActionsBlock) blocks.get(blocks.size() - 1)).getElements())
                .extracting(e -> ((ButtonElement) e).getActionId())
                .containsExactly(AnswerButtons.REPLY, FollowUpButton.ACTION_ID, AnswerButtons.AGREEMENT);
        assertThat(json(blocks)).contains(":eyes: Read");
    }

    @Test
    void thePersonsDmSaysWhoReadItAndAnAnonymousOneNamesNobody() {
        String leaderDm = json(InvitationMessage.render(
                checkIn(Visibility.LEADER, CheckInStatus.OPEN), answered(READ), "Lead").blocks());
        assertThat(leaderDm).contains(":eyes: <@U0LEAD> read your answer (<!date^" + READ.getEpochSecond());
        String unread = json(InvitationMessage.render(
                checkIn(Visibility.LEADER, CheckInStatus.OPEN), answered(null), "Lead").blocks());
        assertThat(unread).doesNotContain(":eyes:");

        CheckIn anonymous = checkIn(Visibility.ANONYMOUS, CheckInStatus.COMPLETED);
        Response skipped = new Response("CHK234:U0MEM", "T1", "CHK234", "U0MEM", ResponseStatus.SKIPPED, Map.of(),
                "busy", "DU0MEM", "1.0", 0, null, null, null, NOW);
        String answeredDm = json(InvitationMessage.render(anonymous, answered(READ),
                "Lead").blocks());
        String skippedDm = json(InvitationMessage.render(anonymous, skipped,
                "Lead", READ).blocks());
        String line = ":eyes: <@U0LEAD> read the anonymous summary (<!date^" + READ.getEpochSecond();
        assertThat(answeredDm).contains(line).doesNotContain("read your answer");
        assertThat(skippedDm).contains(line);
        assertThat(json(InvitationMessage.render(anonymous, skipped, "Lead").blocks()))
                .doesNotContain(":eyes:");
    }

    /** The blocks as Slack gets them, with the JSON escapes of {@code <}, {@code >} and {@code '} read back. */
    private static String json(Object blocks) {
        return GsonFactory.createSnakeCase().toJson(blocks).replace("\\u003c", "<").replace("\\u003e", ">")
                .replace("\\u0027", "'").replace("\\u003d", "=");
    }

    private static CheckIn checkIn(Visibility visibility, CheckInStatus status) {
        return new CheckIn("CHK234", "T1", "U0LEAD", "development", "Growth", null,
                List.of(Question.text("help", "What can I do to help you?")), List.of("U0MEM"), "C0TEAM", "1.0", null,
                visibility, 3, NOW.plusSeconds(3600), NOW, status, status.isOpen() ? null : NOW, null, null);
    }

    private static Response answered(Instant acknowledgedAt) {
        return new Response("CHK234:U0MEM", "T1", "CHK234", "U0MEM", ResponseStatus.ANSWERED,
                Map.of("help", "More time"), null, "DU0MEM", "1.0", 0, null, null, NOW, NOW, acknowledgedAt, null);
    }
}
