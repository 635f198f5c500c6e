package org.alliance.conversations;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnonymousDelaysTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final AnonymousRelaySettings DEFAULTS = new AnonymousRelaySettings(null, null);

    /** A Random that always draws the same fraction. */
    private static Random drawing(double fraction) {
        return new Random() {
            @Override
            public double nextDouble() {
                return fraction;
            }
        };
    }

    @Test
    void aMessageWaitsBetweenTwoAndFiveMinutes() {
        assertThat(new AnonymousDelays(DEFAULTS, drawing(0.0)).next(NOW, null)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(new AnonymousDelays(DEFAULTS, drawing(0.999999999)).next(NOW, null))
                .isBetween(NOW.plus(Duration.ofSeconds(299)), NOW.plus(Duration.ofMinutes(5)));
        AnonymousDelays random = new AnonymousDelays(DEFAULTS, new Random(7));
        for (int i = 0; i < 200; i++) {
            assertThat(random.next(NOW, null)).isBetween(NOW.plus(Duration.ofMinutes(2)), NOW.plus(Duration.ofMinutes(5)));
        }
    }

    @Test
    void aLaterMessageNeverOvertakesTheOneBefore() {
        Instant first = new AnonymousDelays(DEFAULTS, drawing(1.0 - 1e-12)).next(NOW, null);
        Instant second = new AnonymousDelays(DEFAULTS, drawing(0.0)).next(NOW.plusSeconds(10), first);
        assertThat(second).isAfter(first);
    }

    @Test
    void settingsMustMakeSense() {
        assertThat(DEFAULTS.minDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(DEFAULTS.maxDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> new AnonymousRelaySettings(Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .hasMessageContaining("max-delay");
    }
}
