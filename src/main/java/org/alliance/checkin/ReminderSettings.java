package org.alliance.checkin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When people who have not answered are nudged: {@code firstAfter} their invitation, then
 * {@code every} after that, at most {@code max} times, and never after the due time.
 */
@ConfigurationProperties("alliance.reminders")
record ReminderSettings(Duration firstAfter, Duration every, Integer max) {

    public ReminderSettings {
        firstAfter = firstAfter == null ? Duration.ofHours(24) : firstAfter;
        every = every == null ? Duration.ofHours(24) : every;
        max = max == null ? 2 : max;
        if (firstAfter.isNegative() || firstAfter.isZero()) {
            throw new IllegalArgumentException("alliance.reminders.first-after must be positive, e.g. PT24H");
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("alliance.reminders.every must be positive, e.g. PT24H");
        }
        if (max < 0) {
            throw new IllegalArgumentException("alliance.reminders.max must be 0 (no reminders) or more");
        }
    }
}
