package org.alliance.relationships;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a leader is told about someone: drifting, still followed, and not told lately. */
class DriftLimitsTest {

    private static final Instant LAST = Instant.parse("2026-11-30T10:00:00Z");
    private static final DriftLimits LIMITS = new DriftLimits(Map.of("U0WEEKLY", Duration.ofDays(7)),
            new DriftSettings(null, null, null));

    private static Relationship ann(boolean tracking, Instant alertedAt) {
        return new Relationship("T1", "U0LEAD", "U0ANN", LAST, LAST, "K1", 1, tracking, alertedAt);
    }

    private static Instant day(int n) {
        return LAST.plus(Duration.ofDays(n));
    }

    @Test
    void limitsAreTheSettingOrTheRhythmPlusGrace() {
        assertThat(LIMITS.limit("U0ANN")).isEqualTo(Duration.ofDays(30));
        assertThat(LIMITS.limit("U0WEEKLY")).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void anAlertIsDueOnceDriftingAndAgainOnlyAfterRemindEvery() {
        assertThat(LIMITS.alertDue(ann(true, null), day(30))).as("not a moment early").isFalse();
        assertThat(LIMITS.alertDue(ann(true, null), day(31))).isTrue();
        assertThat(LIMITS.alertDue(ann(false, null), day(31))).as("not tracked").isFalse();
        assertThat(LIMITS.alertDue(ann(true, day(31)), day(37))).as("told 6 days ago").isFalse();
        assertThat(LIMITS.alertDue(ann(true, day(31)), day(38))).as("told 7 days ago").isTrue();
    }

    @Test
    void aCheckInSinceTheLastAlertStartsAfresh() {
        Instant told = day(31);
        Relationship checkedInAgain = new Relationship("T1", "U0LEAD", "U0ANN", LAST, day(32), "K2", 2, true, told);

        assertThat(LIMITS.alertDue(checkedInAgain, day(40))).as("no longer drifting").isFalse();
        DriftLimits daily = new DriftLimits(Map.of("U0ANN", Duration.ofDays(1)), new DriftSettings(null, null, null));
        Instant later = day(32).plus(Duration.ofDays(4)).plusSeconds(1);
        assertThat(daily.alertDue(checkedInAgain, later))
                .as("drifting again (1 day + 3 of grace), told 5 days ago but before the last check-in").isTrue();
    }
}
