package org.alliance.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param pollInterval how often each instance looks for due work
 * @param lease        how long a claim holds before another instance may take the work over
 *                     (only after a crash: a finished job is marked done at once)
 * @param maxAttempts  tries of one job that keeps failing before it is marked failed
 * @param retryAfter   wait before the next try of a failed job, multiplied by the attempt number
 * @param keepFinished how long a done or failed job is kept (for "done at" answers and a look back) before it is deleted
 * @param resyncEvery  how often each instance rereads the order of pending jobs from the database, to
 *                     see jobs other instances added or moved (its own writes it knows at once)
 */
@ConfigurationProperties("alliance.scheduler")
record ScheduleSettings(Duration pollInterval, Duration lease, Integer maxAttempts, Duration retryAfter,
                        Duration keepFinished, Duration resyncEvery) {

    @ConstructorBinding
    public ScheduleSettings {
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryAfter = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
        keepFinished = keepFinished == null ? Duration.ofDays(7) : keepFinished;
        resyncEvery = resyncEvery == null ? Duration.ofMinutes(1) : resyncEvery;
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("alliance.scheduler.poll-interval must be positive, e.g. PT5S");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("alliance.scheduler.lease must be at least PT1S");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("alliance.scheduler.max-attempts must be at least 1");
        }
        if (keepFinished.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("alliance.scheduler.keep-finished must be at least PT1H, e.g. P7D");
        }
        if (resyncEvery.isNegative() || resyncEvery.isZero()) {
            throw new IllegalArgumentException("alliance.scheduler.resync-every must be positive, e.g. PT1M");
        }
    }

    /** The defaults for how long finished jobs are kept and how often the order is reread. */
    ScheduleSettings(Duration pollInterval, Duration lease, Integer maxAttempts, Duration retryAfter) {
        this(pollInterval, lease, maxAttempts, retryAfter, null, null);
    }
}
