package org.alliance.schedule;

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
        return TriggerBuilder.newTrigger().forJob(scheduleTickJob).withIdentity("schedule-tick")
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.pollInterval().toMillis())
                        .repeatForever()
                        // A missed tick is simply the next tick: never fire a burst to catch up.
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }
}
