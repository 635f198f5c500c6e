package org.alliance.schedule;

import java.time.Duration;

import org.alliance.persistence.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that record what a job already did in Slack. Once a message is out, failing on a database
 * outage would have the job run, and send, again; so such a write is retried until the database is
 * back, for as long as the job's claim can be trusted to hold (half its lease: another instance may
 * take the job over only when the lease has run out).
 */
public final class JobWrites {

    private static final Logger log = LoggerFactory.getLogger(JobWrites.class);
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();
    private static final long FIRST_PAUSE_MILLIS = 200;
    private static final long LONGEST_PAUSE_MILLIS = 2_000;

    private JobWrites() {
    }

    /** Records what was sent; outside a job it is tried once, since nothing promises a claim then. */
    public static void afterSending(String what, Runnable write) {
        Long deadline = DEADLINE.get();
        untilStored(what, deadline == null ? System.nanoTime() : deadline, write);
    }

    /** Runs a job's {@code body} with a patience of {@code patience} for the writes inside it. */
    static void withPatience(Duration patience, Runnable body) {
        DEADLINE.set(System.nanoTime() + patience.toNanos());
        try {
            body.run();
        } finally {
            DEADLINE.remove();
        }
    }

    /** Retries {@code write} on an outage until {@code deadlineNanos} (System.nanoTime), then gives up with its error. */
    static void untilStored(String what, long deadlineNanos, Runnable write) {
        long pause = FIRST_PAUSE_MILLIS;
        boolean told = false;
        while (true) {
            try {
                write.run();
                if (told) {
                    log.info("{}: stored now that the database is back", what);
                }
                return;
            } catch (RuntimeException e) {
                if (!DatabaseOutage.in(e) || System.nanoTime() + pause * 1_000_000 > deadlineNanos) {
                    throw e;
                }
                if (!told) {
                    log.warn("{}: database unreachable, trying again until it is back ({})", what,
                            DatabaseOutage.summary(e));
                    told = true;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + ": interrupted while the database was unreachable");
            }
            pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
        }
    }
}
