package org.alliance.schedule;

import org.springframework.context.ApplicationContext;

/** Lets tests in other packages run due jobs at once, as the poller would on its next tick. */
public final class DueJobs {

    private DueJobs() {
    }

    /** Runs every job due now; returns how many ran. */
    public static int runNow(ApplicationContext context) {
        return context.getBean(ScheduleRunner.class).tick();
    }
}
