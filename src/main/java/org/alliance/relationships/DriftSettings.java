package org.alliance.relationships;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a leader has gone too long without checking in with someone.
 *
 * @param after          without a check-in for longer than this, a person has drifted (default 30 days)
 * @param remindEvery    a leader hears about the same person again only after this long (default 7 days)
 * @param recurringGrace for people in a recurring check-in the limit is its cadence plus this (default 3 days)
 */
@ConfigurationProperties("alliance.drift")
record DriftSettings(Duration after, Duration remindEvery, Duration recurringGrace) {

    DriftSettings {
        after = positive(after, Duration.ofDays(30), "after", "P30D");
        remindEvery = positive(remindEvery, Duration.ofDays(7), "remind-every", "P7D");
        recurringGrace = recurringGrace == null ? Duration.ofDays(3) : recurringGrace;
        if (recurringGrace.isNegative()) {
            throw new IllegalArgumentException("alliance.drift.recurring-grace must not be negative, e.g. P3D");
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name, String example) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("alliance.drift." + name + " must be positive, e.g. " + example);
        }
        return d;
    }
}
