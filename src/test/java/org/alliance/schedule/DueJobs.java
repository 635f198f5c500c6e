package org.alliance.schedule;

import org.springframework.context.ApplicationContext;

/** Lets tests in other packages run due jobs at once, as the poller would on its next tick. */
public final class DueJobs {

    private DueJobs() {
    }

    /** Runs every job due now; returns how many ran. */
    public static int runNow(ApplicationContext context) {
        ScheduleRunner runner = context.getBean(ScheduleRunner.class);
        // Tests also write jobs straight into the database, where the runner's in-memory order can't see them.
        runner.resyncSoon();
        return runner.tick();
    }
}
