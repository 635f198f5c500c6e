package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import org.alliance.questions.Question;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shared answer offers its leader the loop's buttons (read, reply, follow up, agreement), each
 * valued with the check-in and the person; an anonymous answer is never shared one by one.
 */
class SharedAnswerFollowUpTest {

    private static final Instant NOW = Instant.parse("2025-01-06T09:00:00Z");

    @Test
    void sharedAnswersToTheLeaderOrTheThreadOfferAFollowUp() {
        for (Visibility v : List.of(Visibility.LEADER, Visibility.THREAD)) {
            Out.Message m = SharedAnswerMessage.render(checkIn(v), answered(), "Mem", false);
            assertThat(buttons(m.blocks())).extracting(b -> b.getActionId()).containsExactly(
                    AnswerButtons.ACKNOWLEDGE, AnswerButtons.REPLY, FollowUpButton.ACTION_ID, AnswerButtons.AGREEMENT);
            assertThat(buttons(m.blocks())).allSatisfy(b -> assertThat(b.getValue()).isEqualTo("CHK234:U0MEM"));
        }
        Out.Message edited = SharedAnswerMessage.render(checkIn(Visibility.LEADER), answered(), "Mem", true);
        assertThat(buttons(edited.blocks())).hasSize(4);
        Out.Message anonymous = SharedAnswerMessage.render(checkIn(Visibility.ANONYMOUS), answered(), "Mem",
                false);
        assertThat(buttons(anonymous.blocks())).isEmpty();
    }

    private static List<ButtonElement> buttons(List<LayoutBlock> blocks) {
        return blocks.stream().filter(b -> b instanceof ActionsBlock)
                .flatMap(b -> ((ActionsBlock) b).getElements().stream())
                .filter(e -> e instanceof ButtonElement).map(e -> (ButtonElement) e).toList();
    }

    private static CheckIn checkIn(Visibility visibility) {
        return new CheckIn("CHK234", "T1", "U0LEAD", "development", "Growth", null,
                List.of(Question.text("help", "What can I do to help you?")), List.of("U0MEM"), "C0TEAM", "1.0", null,
                visibility, 3, NOW.plusSeconds(3600), NOW, CheckInStatus.OPEN, null, null, null);
    }

    private static Response answered() {
        return new Response("CHK234:U0MEM", "T1", "CHK234", "U0MEM", ResponseStatus.ANSWERED,
                Map.of("help", "More time"), null, null, null, 0, null, null, NOW, NOW);
    }
}
