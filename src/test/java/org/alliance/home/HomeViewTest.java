package org.alliance.home;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import org.alliance.checkin.CheckIn;
import org.alliance.checkin.OpenCheckIns;
import org.alliance.checkin.TestCheckIns;
import org.alliance.recurring.SeriesQueries;
import org.alliance.relationships.Relationship;
import org.alliance.score.FollowThroughScore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The most Home can hold stays within Slack's limits, and every long list says how to see the rest. */
class HomeViewTest {

    private static final Instant NOW = Instant.parse("2025-01-07T09:00:00Z");

    private static <T> List<T> many(int n, IntFunction<T> make) {
        List<T> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(make.apply(i));
        }
        return all;
    }

    @Test
    void everySectionFullStaysWithinOneHundredBlocksAndThreeThousandCharactersASection() {
        CheckIn c = TestCheckIns.checkIn("AAAAAA").build();
        List<CheckIn> waiting = many(40, i -> c);
        List<OpenCheckIns.Led> led = many(HomeView.LED, i -> new OpenCheckIns.Led(c, "1 of 2 answered"));
        List<SeriesQueries.Running> series = many(20, i -> new SeriesQueries.Running("R0000" + i, "trust",
                "C1", "every week at 10:00", i % 2 == 0, LocalDateTime.of(2025, 1, 13, 10, 0), 3));
        List<HomeData.Person> people = many(50, i -> new HomeData.Person(new Relationship("T1", "U0LEAD",
                "U0P" + i, NOW, NOW.minusSeconds(86_400L * i), "AAAAAA", 2, true, null), i > 30, List.of()));
        HomeData full = new HomeData(waiting, List.of(), new OpenCheckIns.LedPage(led, 500), series, people, true,
                true, NOW);

        List<LayoutBlock> blocks = HomeView.blocks(full);

        assertThat(blocks).hasSizeLessThanOrEqualTo(HomeView.MAX_BLOCKS);
        String text = texts(blocks);
        assertThat(text).contains("…and 30 more. `/alliance list` shows them all.")
                .contains("…and 490 more. `/alliance list` shows them all.")
                .contains("…and 15 more. `/alliance list` shows them all.")
                .contains("…and 30 more. `/alliance history @person` shows your history with anyone.");
    }

    @Test
    void aLeadersFollowThroughTakesTwoBlocksAndEveryOtherSectionFullStillFits() {
        CheckIn c = TestCheckIns.checkIn("AAAAAA").build();
        List<OpenCheckIns.Led> led = many(HomeView.LED, i -> new OpenCheckIns.Led(c, "1 of 2 answered"));
        List<SeriesQueries.Running> series = many(20, i -> new SeriesQueries.Running("R0000" + i, "trust",
                "C1", "every week at 10:00", false, LocalDateTime.of(2025, 1, 13, 10, 0), 3));
        List<HomeData.Person> people = many(50, i -> new HomeData.Person(new Relationship("T1", "U0LEAD",
                "U0P" + i, NOW, NOW, "AAAAAA", 2, true, null), false, List.of()));
        FollowThroughScore score = new FollowThroughScore(90, new FollowThroughScore.Share(7, 9),
                new FollowThroughScore.Replies(java.time.Duration.ofHours(5), 12, 2),
                new FollowThroughScore.Share(3, 4), new FollowThroughScore.Share(4, 6));
        HomeData without = new HomeData(many(40, i -> c), List.of(), new OpenCheckIns.LedPage(led, 500), series,
                people, true, true, NOW);
        HomeData with = new HomeData(many(40, i -> c), List.of(), new OpenCheckIns.LedPage(led, 500), series,
                people, true, true, NOW, score);

        List<LayoutBlock> blocks = HomeView.blocks(with);

        assertThat(blocks).hasSize(HomeView.blocks(without).size() + 2).hasSizeLessThanOrEqualTo(HomeView.MAX_BLOCKS);
        assertThat(texts(blocks)).contains("Your follow-through (last 90 days)").contains("7 of 9")
                .contains("median 5 h, over 12 answers").contains("4 of 6 check-ins");
    }

    private static String texts(List<LayoutBlock> blocks) {
        StringBuilder all = new StringBuilder();
        for (LayoutBlock b : blocks) {
            if (b instanceof SectionBlock s && s.getText() != null) {
                assertThat(s.getText().getText()).hasSizeLessThanOrEqualTo(3000);
                all.append(s.getText().getText()).append('\n');
            } else if (b instanceof ContextBlock ctx) {
                ctx.getElements().forEach(e -> all.append(((MarkdownTextObject) e).getText()).append('\n'));
            }
        }
        return all.toString();
    }
}
