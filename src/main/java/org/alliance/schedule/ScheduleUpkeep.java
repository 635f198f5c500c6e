package org.alliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a poll does besides claiming: rereads the order of pending jobs now and then (others may have
 * added some) and, at most hourly, deletes finished jobs older than keep-finished. mongo-java-server
 * has no TTL index, so this sweep is what keeps history from growing forever.
 */
final class ScheduleUpkeep {

    private static final Logger log = LoggerFactory.getLogger(ScheduleUpkeep.class);
    static final Duration SWEEP_EVERY = Duration.ofHours(1);
    static final int SWEEP_BATCH = 1_000;
    /** At most this many batches a sweep; the rest waits for the next one, so a poll is never held long. */
    static final int SWEEP_BATCHES = 20;

    private final JobRepository jobs;
    private final ScheduleSettings settings;
    private final Clock clock;
    /** System.nanoTime of the last rebuild: other instances write in real time, whatever the clock says. */
    private volatile long rebuiltAt;
    private volatile boolean rebuilt;
    private volatile boolean readOnce;
    private volatile Instant sweptAt;

    ScheduleUpkeep(JobRepository jobs, ScheduleSettings settings, Clock clock) {
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Before a poll claims anything. Database errors go to the caller, which waits them out. */
    void beforePoll() {
        Instant now = clock.instant();
        Duration every = settings.resyncEvery();
        // The order holds work due within two resyncs, so each job is in it at least one resync before it
        // is due; a clock that jumps (tests) past half the horizon brings the rebuild forward.
        if (!rebuilt || System.nanoTime() - rebuiltAt >= every.toNanos()
                || now.plus(every).isAfter(jobs.orderHorizon())) {
            long started = System.nanoTime();
            jobs.rebuildOrder(now.plus(every.multipliedBy(2)));
            rebuiltAt = started;
            if (!rebuilt) {
                log.info("Scheduler: {} jobs due within {} read in {} ms", jobs.known(), every.multipliedBy(2),
                        (System.nanoTime() - started) / 1_000_000);
            }
            rebuilt = true;
            readOnce = true;
        }
        if (sweptAt == null || !now.isBefore(sweptAt.plus(SWEEP_EVERY))) {
            sweptAt = now;
            long deleted = jobs.deleteFinished(now.minus(settings.keepFinished()), SWEEP_BATCH, SWEEP_BATCHES);
            if (deleted > 0) {
                log.info("Scheduler: deleted {} jobs finished more than {} ago", deleted, settings.keepFinished());
            }
        }
    }

    /** Whether the pending work has been read at least once (a resync in a test doesn't undo it). */
    boolean readOnce() {
        return readOnce;
    }

    /** The next poll rereads the order first (tests that write jobs straight into the database). */
    void resyncSoon() {
        rebuilt = false;
    }
}
