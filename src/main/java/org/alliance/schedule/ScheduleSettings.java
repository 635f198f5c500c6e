package org.alliance.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often each instance looks for due work
 * @param lease        how long a claim holds before another instance may take the work over
 *                     (only after a crash: a finished job is marked done at once)
 * @param maxAttempts  tries of one job that keeps failing before it is marked failed
 * @param retryAfter   wait before the next try of a failed job, multiplied by the attempt number
 */
@ConfigurationProperties("alliance.scheduler")
record ScheduleSettings(Duration pollInterval, Duration lease, Integer maxAttempts, Duration retryAfter) {

    public ScheduleSettings {
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryAfter = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("alliance.scheduler.poll-interval must be positive, e.g. PT5S");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("alliance.scheduler.lease must be at least PT1S");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("alliance.scheduler.max-attempts must be at least 1");
        }
    }
}
