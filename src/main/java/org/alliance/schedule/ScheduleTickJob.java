package org.alliance.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz's part: fire the runner every poll interval. The work and its state live in MongoDB. */
@DisallowConcurrentExecution
class ScheduleTickJob extends QuartzJobBean {

    private final ScheduleRunner runner;

    ScheduleTickJob(ScheduleRunner runner) {
        this.runner = runner;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        runner.tick();
    }
}
