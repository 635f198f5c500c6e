package org.alliance.schedule;

/**
 * Published once, after this instance's first read of the pending work, which is the last large
 * piece of a start (with 100,000 jobs pending on the embedded database it reads every one of them).
 */
public record SchedulerCaughtUp() {
}
