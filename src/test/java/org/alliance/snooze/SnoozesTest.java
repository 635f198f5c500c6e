package org.alliance.snooze;

import java.time.Duration;
import java.time.Instant;

import org.alliance.support.InMemoryMongo;
import org.alliance.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Time away, on the real repository in memory, with no Spring and a clock moved by hand. */
class SnoozesTest {

    private static final Instant NOW = Instant.parse("2025-01-06T09:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private Snoozes snoozes;

    @BeforeEach
    void noOneAway() {
        snoozes = new Snoozes(new SnoozeRepository(InMemoryMongo.freshDatabase()), clock);
    }

    @Test
    void aSnoozeLastsFromNowForItsLength() {
        Instant until = snoozes.snooze("T1", "U0ANN", Duration.ofDays(7));

        assertThat(until).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(snoozes.awayUntil("T1", "U0ANN")).contains(until);
    }

    @Test
    void awayUntilTheVeryEndButNotAtIt() {
        Instant until = snoozes.snooze("T1", "U0ANN", Duration.ofDays(7));

        clock.set(until.minusMillis(1));
        assertThat(snoozes.awayUntil("T1", "U0ANN")).contains(until);

        clock.set(until);
        assertThat(snoozes.awayUntil("T1", "U0ANN")).isEmpty();
    }

    @Test
    void manyPeopleAreLookedUpAtOnceAndOnlyThoseAwayNowAreAway() {
        Instant annBack = snoozes.snooze("T1", "U0ANN", Duration.ofDays(7));
        snoozes.snooze("T1", "U0BOB", Duration.ofDays(1));
        snoozes.snooze("T2", "U0CAT", Duration.ofDays(7));
        clock.set(NOW.plus(Duration.ofDays(2)));

        // Bob is back, Cat is away only in another workspace, Dan never left.
        assertThat(snoozes.awayUntil("T1", java.util.List.of("U0ANN", "U0BOB", "U0CAT", "U0DAN")))
                .containsExactly(java.util.Map.entry("U0ANN", annBack));
        assertThat(snoozes.awayUntil("T1", java.util.List.of())).isEmpty();
    }

    @Test
    void lastsFromADayToNinetyDays() {
        assertThat(snoozes.snooze("T1", "U0ANN", Snoozes.LONGEST)).isEqualTo(NOW.plus(Duration.ofDays(90)));
        assertThat(snoozes.snooze("T1", "U0BOB", Duration.ofSeconds(1))).isEqualTo(NOW.plusSeconds(1));

        for (Duration refused : new Duration[] {Duration.ZERO, Duration.ofDays(-1), Snoozes.LONGEST.plusSeconds(1)}) {
            assertThatThrownBy(() -> snoozes.snooze("T1", "U0CAT", refused)).as("%s", refused)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 90 days");
        }
        assertThat(snoozes.awayUntil("T1", "U0CAT")).isEmpty();
    }

    @Test
    void snoozingAgainReplacesTheEnd() {
        snoozes.snooze("T1", "U0ANN", Duration.ofDays(30));
        clock.advance(Duration.ofDays(1));

        Instant until = snoozes.snooze("T1", "U0ANN", Duration.ofDays(2));

        assertThat(until).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(snoozes.awayUntil("T1", "U0ANN")).contains(until);
    }

    @Test
    void wakingEndsItAndSaysWhetherThereWasOne() {
        snoozes.snooze("T1", "U0ANN", Duration.ofDays(7));

        assertThat(snoozes.wake("T1", "U0ANN")).isTrue();
        assertThat(snoozes.awayUntil("T1", "U0ANN")).isEmpty();
        assertThat(snoozes.wake("T1", "U0ANN")).isFalse();
    }

    @Test
    void aSnoozeIsForOnePersonInOneWorkspace() {
        snoozes.snooze("T1", "U0ANN", Duration.ofDays(7));

        assertThat(snoozes.awayUntil("T1", "U0BOB")).isEmpty();
        assertThat(snoozes.awayUntil("T2", "U0ANN")).isEmpty();
        assertThat(snoozes.wake("T2", "U0ANN")).isFalse();
        assertThat(snoozes.awayUntil("T1", "U0ANN")).isPresent();
    }
}
