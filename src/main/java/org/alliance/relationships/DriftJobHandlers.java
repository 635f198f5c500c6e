package org.alliance.relationships;

import java.util.function.Function;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The drift jobs' handlers: each hands its job to the service that does the work. */
@Configuration(proxyBeanMethods = false)
class DriftJobHandlers {

    @Bean
    JobHandler<DriftJobData.Sweep> driftSweepJob(DriftSweep sweep) {
        return handler(DriftJobs.SWEEP, job -> sweep.sweep(job.teamId()));
    }

    @Bean
    JobHandler<DriftJobData.Alert> driftAlertJob(DriftAlerts alerts) {
        return handler(DriftJobs.ALERT, job -> alerts.alert(job.teamId(), job.payload().leaderId()));
    }

    @Bean
    JobHandler<DriftJobData.Backfill> relationshipsBackfillJob(RelationshipBackfill backfill) {
        return handler(DriftJobs.BACKFILL, job -> backfill.run());
    }

    private static <P extends Record> JobHandler<P> handler(JobKind<P> kind,
                                                            Function<Job<P>, JobHandler.Outcome> run) {
        return new JobHandler<>() {
            @Override
            public JobKind<P> kind() {
                return kind;
            }

            @Override
            public Outcome run(Job<P> job) {
                return run.apply(job);
            }
        };
    }
}
