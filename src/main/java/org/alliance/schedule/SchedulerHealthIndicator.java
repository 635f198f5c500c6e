package org.alliance.schedule;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

@Component("schedulerHealthIndicator")
class SchedulerHealthIndicator implements HealthIndicator {

    private final Scheduler scheduler;

    SchedulerHealthIndicator(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Health health() {
        try {
            boolean running = scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
            return (running ? Health.up() : Health.down())
                    .withDetail("name", scheduler.getSchedulerName())
                    .withDetail("jobs", scheduler.getJobGroupNames().size())
                    .build();
        } catch (SchedulerException e) {
            return Health.down(e).build();
        }
    }
}
