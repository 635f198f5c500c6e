package org.alliance.home;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import com.slack.api.model.block.LayoutBlock;
import org.alliance.checkin.CheckIn;
import org.alliance.checkin.OpenCheckIns;
import org.alliance.checkin.TestCheckIns;
import org.alliance.checkin.Visibility;
import org.alliance.playbooks.Playbook;
import org.alliance.recurring.SeriesQueries;
import org.alliance.relationships.Relationship;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A leader's playbooks join the You lead section without taking Home past Slack's 100 blocks. */
class HomePlaybooksViewTest {

    private static final Instant NOW = Instant.parse("2025-01-07T09:00:00Z");

    @Test
    void everySectionFullWithPlaybooksStaysWithinOneHundredBlocks() {
        CheckIn c = TestCheckIns.checkIn("AAAAAA").build();
        HomeData full = new HomeData(many(40, i -> c), List.of(),
                new OpenCheckIns.LedPage(many(HomeView.LED, i -> new OpenCheckIns.Led(c, "1 of 2 answered")), 500),
                many(20, i -> new SeriesQueries.Running("R0000" + i, "trust", "C1", "every week at 10:00", false,
                        LocalDateTime.of(2025, 1, 13, 10, 0), 3)),
                many(50, i -> new HomeData.Person(new Relationship("T1", "U0LEAD", "U0P" + i, NOW,
                        NOW.minusSeconds(86_400L * i), "AAAAAA", 2, true, null), i > 30, List.of())),
                true, true, NOW, many(8, i -> playbook("P2345" + i)));

        List<LayoutBlock> blocks = HomeView.blocks(full);

        assertThat(blocks).hasSizeLessThanOrEqualTo(HomeView.MAX_BLOCKS);
        String all = blocks.toString();
        assertThat(all).contains("P23450").contains("P23452").doesNotContain("P23453")
                .contains("…and 5 more. `/alliance playbooks` shows them all.")
                .contains("playbook_skip").contains("P23450:pulse").contains("playbook_stop");
    }

    private static Playbook playbook(String id) {
        return new Playbook(id, "T1", "U0LEAD", "change", null, List.of("U0P1"), null, null, "C1", Visibility.LEADER,
                null, NOW, List.of(
                new Playbook.Step("kickoff", "change", NOW, Playbook.StepStatus.STARTED, "AAAAAA", NOW),
                new Playbook.Step("pulse", "change-pulse", NOW.plus(Duration.ofDays(14)), Playbook.StepStatus.PLANNED,
                        null, null),
                new Playbook.Step("lookback", "change-lookback", NOW.plus(Duration.ofDays(42)),
                        Playbook.StepStatus.PLANNED, null, null)));
    }

    private static <T> List<T> many(int n, IntFunction<T> make) {
        List<T> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(make.apply(i));
        }
        return all;
    }
}
