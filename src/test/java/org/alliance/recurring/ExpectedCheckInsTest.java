package org.alliance.recurring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alliance.checkin.Visibility;
import org.alliance.slack.People;
import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How often a leader means to check in with each person, from the recurring check-ins they run. */
class ExpectedCheckInsTest {

    private static final LocalDateTime NEXT = LocalDateTime.of(2026, 12, 7, 10, 0);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

    private SeriesRepository repository;
    private ExpectedCheckIns expected;
    private boolean slackDown;

    @BeforeEach
    void setUp() {
        repository = new SeriesRepository(InMemoryMongo.freshDatabase());
        People people = new People() {
            @Override
            public Optional<Person> find(String teamId, String userId) {
                return Optional.empty();
            }

            @Override
            public List<UserGroup> userGroups(String teamId) {
                return List.of();
            }

            @Override
            public Optional<List<String>> userGroupMembers(String teamId, String userGroupId) {
                down();
                return userGroupId.equals("S0DESIGN") ? Optional.of(List.of("U0GIL", "U0LEAD")) : Optional.empty();
            }

            @Override
            public Optional<List<String>> channelMembers(String teamId, String channelId) {
                down();
                return channelId.equals("C0MEMBERS") ? Optional.of(List.of("U0HAL")) : Optional.empty();
            }
        };
        expected = new ExpectedCheckIns(repository, people, CLOCK);
    }

    private void down() {
        if (slackDown) {
            throw new IllegalStateException("Slack is unreachable");
        }
    }

    private static Series series(String id, String leader, String every, SeriesStatus status, List<String> userIds,
                                 List<String> groups, List<String> channels) {
        return new Series(id, "T1", leader, "trust", null, userIds, groups, channels, "C0TEAM", Visibility.LEADER,
                null, every, LocalTime.of(10, 0), status, CLOCK.instant(), 0, NEXT);
    }

    @Test
    void eachPersonGetsTheShortestRhythmOfTheRunningCheckInsTheyAreIn() {
        repository.insert(series("R00001", "U0LEAD", "1w", SeriesStatus.ACTIVE, List.of("U0ANN", "U0BOB"),
                List.of(), List.of()));
        repository.insert(series("R00002", "U0LEAD", "2w", SeriesStatus.PAUSED, List.of("U0BOB", "U0CY"),
                List.of(), List.of()));
        repository.insert(series("R00003", "U0LEAD", "1mo", SeriesStatus.ACTIVE, List.of("U0DEE"),
                List.of("S0DESIGN"), List.of("C0MEMBERS")));
        repository.insert(series("R00004", "U0LEAD", "1w", SeriesStatus.STOPPED, List.of("U0EVE"),
                List.of(), List.of()));
        repository.insert(series("R00005", "U0OTHER", "1w", SeriesStatus.ACTIVE, List.of("U0FAY"),
                List.of(), List.of()));

        assertThat(expected.intervals("T1", "U0LEAD")).isEqualTo(Map.of(
                "U0ANN", Duration.ofDays(7), "U0BOB", Duration.ofDays(7), "U0CY", Duration.ofDays(14),
                // A month counts as its longest; group and channel members count, the leader never.
                "U0DEE", Duration.ofDays(31), "U0GIL", Duration.ofDays(31), "U0HAL", Duration.ofDays(31)));
        assertThat(expected.intervals("T2", "U0LEAD")).isEmpty();
        assertThat(expected.leaders("T1")).containsExactlyInAnyOrder("U0LEAD", "U0OTHER");
    }

    @Test
    void aCronCountsItsLongestGapAndSlackBeingDownLeavesTheNamedPeople() {
        repository.insert(series("R00001", "U0LEAD", "cron:0 10 * * MON,THU", SeriesStatus.ACTIVE,
                List.of("U0ANN"), List.of("S0DESIGN"), List.of()));
        slackDown = true;

        assertThat(expected.intervals("T1", "U0LEAD")).isEqualTo(Map.of("U0ANN", Duration.ofDays(4)));
    }
}
