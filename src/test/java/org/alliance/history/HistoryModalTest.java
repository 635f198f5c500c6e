package org.alliance.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.view.View;
import org.alliance.checkin.CheckInHistory;
import org.alliance.checkin.Visibility;
import org.alliance.commitments.CommitmentHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The modal keeps to Slack's limits however much was said, and escapes what people typed. */
class HistoryModalTest {

    private static final Instant AT = Instant.parse("2025-03-03T10:00:00Z");

    private static CheckInHistory.Entry answered(String id, List<CheckInHistory.Said> said) {
        return new CheckInHistory.Entry(id, "U0LEAD", "Check-in " + id, AT, Visibility.LEADER, false,
                CheckInHistory.Part.ANSWERED, said, null, false);
    }

    @Test
    void aFullPageOfLongAnswersStaysWithinBlockAndSectionLimits() {
        List<CheckInHistory.Said> said = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            said.add(new CheckInHistory.Said("Question " + i + " <!channel> & <b>", "x".repeat(2990)));
        }
        List<CheckInHistory.Entry> entries = new ArrayList<>();
        Map<String, List<CommitmentHistory.Item>> commitments = new java.util.HashMap<>();
        for (int n = 0; n < Histories.PAGE_SIZE; n++) {
            entries.add(answered("K0000" + n, said));
            List<CommitmentHistory.Item> items = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                items.add(new CommitmentHistory.Item("C" + c, "K0000" + n, "U0LEAD", "y".repeat(1000), AT, true, AT, "Yes"));
            }
            commitments.put("K0000" + n, items);
        }
        View view = HistoryModal.of(new Histories.Shown("U0LEAD", "U0ANN",
                new CheckInHistory.Page(entries, 0, Histories.PAGE_SIZE, 40, true), commitments));

        assertThat(view.getBlocks()).hasSizeLessThanOrEqualTo(100);
        List<String> texts = sections(view.getBlocks());
        assertThat(texts).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3000));
        String all = String.join("\n", texts);
        assertThat(all).doesNotContain("<!channel>").doesNotContain("<b>").contains("&lt;!channel&gt;")
                .contains("cut short: more was said than fits here");
        assertThat(HistoryModal.answerSections(entries.get(0))).hasSize(HistoryModal.MAX_ANSWER_SECTIONS);
    }

    @Test
    void aTypedSkipReasonIsEscapedAndOnlyTheBotsAwayNoticeKeepsItsDate() {
        String away = "Away until <!date^1736153999^{date_short_pretty}|Mon 6 Jan 2025>";
        CheckInHistory.Entry typed = new CheckInHistory.Entry("K00001", "U0LEAD", "T", AT, Visibility.LEADER, false,
                CheckInHistory.Part.SKIPPED, List.of(), "Busy <!here>", false);
        CheckInHistory.Entry bot = new CheckInHistory.Entry("K00002", "U0LEAD", "T", AT, Visibility.LEADER, false,
                CheckInHistory.Part.SKIPPED, List.of(), away, true);

        assertThat(HistoryModal.heading(typed, false)).contains("Busy &lt;!here&gt;").doesNotContain("<!here>");
        assertThat(HistoryModal.heading(bot, false)).contains(away);
    }

    private static List<String> sections(List<LayoutBlock> blocks) {
        return blocks.stream().filter(b -> b instanceof SectionBlock).map(b -> ((SectionBlock) b).getText().getText())
                .toList();
    }
}
