package org.alliance.schedule;

import org.quartz.DateBuilder;
import org.quartz.DateBuilder.IntervalUnit;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScheduleConfig {

    @Bean
    WorkingHours workingHours(WorkingHoursSettings settings) {
        return new WorkingHours(settings);
    }

    @Bean
    JobDetail scheduleTickJob() {
        return JobBuilder.newJob(ScheduleTickJob.class).withIdentity("schedule-tick").storeDurably().build();
    }

    @Bean
    Trigger scheduleTickTrigger(JobDetail scheduleTickJob, ScheduleSettings settings) {
        long poll = settings.pollInterval().toMillis();
        return TriggerBuilder.newTrigger().forJob(scheduleTickJob).withIdentity("schedule-tick")
                // The first poll one interval after start, not at once: with many jobs pending, its first read
                // of them (a full read on the embedded database, seconds while the code is cold) holds the
                // jobs collection, and the start's own writes to it (and health) would wait for it.
                .startAt(DateBuilder.futureDate((int) Math.min(poll, Integer.MAX_VALUE), IntervalUnit.MILLISECOND))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(poll)
                        .repeatForever()
                        // A missed tick is simply the next tick: never fire a burst to catch up.
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
