package org.alliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import org.alliance.persistence.DatabaseOutage;
import org.alliance.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Claims due work and runs it, one job at a time, until nothing is due. Any number of instances
 * may run this against one database: a job is claimed by exactly one of them.
 */
@Service
class ScheduleRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
    static final int MAX_PER_TICK = 500;

    private final JobRepository jobs;
    private final Map<String, JobHandler<?>> handlers;
    private final ScheduleSettings settings;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "schedule-lease");
        t.setDaemon(true);
        return t;
    });

    private final MeterRegistry metrics;
    private final ScheduleUpkeep upkeep;
    private volatile boolean waitingForDatabase;
    private final Workspaces workspaces;
    private final ApplicationEventPublisher events;
    private volatile boolean caughtUp;

    ScheduleRunner(JobRepository jobs, List<JobHandler<?>> handlers, ScheduleSettings settings, Clock clock) {
        this(jobs, handlers, settings, clock, new SimpleMeterRegistry());
    }

    ScheduleRunner(JobRepository jobs, List<JobHandler<?>> handlers, ScheduleSettings settings, Clock clock,
                   MeterRegistry metrics) {
        this(jobs, handlers, settings, clock, metrics, null);
    }

    ScheduleRunner(JobRepository jobs, List<JobHandler<?>> handlers, ScheduleSettings settings, Clock clock,
                   MeterRegistry metrics, Workspaces workspaces) {
        this(jobs, handlers, settings, clock, metrics, workspaces, null);
    }

    @Autowired
    ScheduleRunner(JobRepository jobs, List<JobHandler<?>> handlers, ScheduleSettings settings, Clock clock,
                   MeterRegistry metrics, Workspaces workspaces, ApplicationEventPublisher events) {
        this.events = events;
        this.metrics = metrics;
        this.workspaces = workspaces;
        // Counted from the in-memory order when scraped: a database count would read every job.
        Gauge.builder("alliance.jobs.due", jobs, j -> j.countDue(clock.instant()))
                .description("Scheduled jobs due now and not yet claimed, as this instance knows them")
                .register(metrics);
        this.jobs = jobs;
        // Two handlers for one kind is a mistake to stop at startup (toMap refuses a duplicate key).
        this.handlers = handlers.stream().collect(Collectors.toMap(h -> h.kind().name(), Function.identity()));
        this.settings = settings;
        this.clock = clock;
        this.upkeep = new ScheduleUpkeep(jobs, settings, clock);
    }

    /**
     * Runs what is due now; returns how many jobs it ran. While the database is unreachable it runs
     * nothing, says so once, and picks up where it left off when the database is back.
     */
    public int tick() {
        int ran = 0;
        try {
            try {
                upkeep.beforePoll();
            } finally {
                // Once the first read succeeded, even if the sweep after it failed.
                if (upkeep.readOnce() && !caughtUp && events != null) {
                    caughtUp = true;
                    events.publishEvent(new SchedulerCaughtUp());
                }
            }
            while (ran < MAX_PER_TICK) {
                Instant now = clock.instant();
                Optional<JobRepository.JobDocument> claimed = jobs.claim(instance, now, now.plus(settings.lease()));
                databaseBack();
                if (claimed.isEmpty()) {
                    break;
                }
                run(claimed.get());
                ran++;
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutage.in(e)) {
                throw e;
            }
            if (!waitingForDatabase) {
                waitingForDatabase = true;
                log.warn("Scheduled work waits: database unreachable ({})", DatabaseOutage.summary(e));
            }
        }
        return ran;
    }

    /** The next tick rereads the pending jobs from the database before claiming. */
    void resyncSoon() {
        upkeep.resyncSoon();
    }

    private void databaseBack() {
        if (waitingForDatabase) {
            waitingForDatabase = false;
            log.info("Scheduled work resumes: the database is reachable again");
        }
    }

    private void run(JobRepository.JobDocument doc) {
        // While the job runs its claim is renewed, so a job slowed by Slack's rate limits stays with
        // this instance; only a crashed instance's claim runs out.
        long every = Math.max(1, settings.lease().toMillis() / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(
                () -> renew(doc.key()), every, every, TimeUnit.MILLISECONDS);
        // Log lines of the job say whose work it is. Not the key: it can hold user ids.
        Map<String, String> before = MDC.getCopyOfContextMap();
        putIfPresent("team.id", doc.teamId());
        putIfPresent("job.kind", doc.kind());
        try {
            // Half the lease: a write retried longer could outlive the claim another instance may then take.
            JobWrites.withPatience(settings.lease().dividedBy(2), () -> runClaimed(doc));
        } finally {
            heartbeat.cancel(false);
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    private static void putIfPresent(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    private void renew(String key) {
        try {
            jobs.renew(key, instance, clock.instant().plus(settings.lease()));
        } catch (RuntimeException e) {
            log.warn("Could not renew the claim on job {}: {}", key,
                    DatabaseOutage.in(e) ? DatabaseOutage.summary(e) : e.getMessage());
        }
    }

    @PreDestroy
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    private void runClaimed(JobRepository.JobDocument doc) {
        String kind = handlers.containsKey(doc.kind()) ? doc.kind() : "unknown";
        metrics.counter("alliance.jobs.claimed", "kind", kind).increment();
        if (doc.dueAt() != null) {
            Timer.builder("alliance.jobs.lateness").description("How long after its due time a job was claimed")
                    .tag("kind", kind).publishPercentileHistogram().register(metrics)
                    .record(Duration.between(doc.dueAt(), clock.instant()).isNegative() ? Duration.ZERO
                            : Duration.between(doc.dueAt(), clock.instant()));
        }
        JobHandler<?> handler = handlers.get(doc.kind());
        if (handler == null) {
            log.error("No handler for scheduled job {} of kind {}; marking it failed", doc.key(), doc.kind());
            metrics.counter("alliance.jobs.failed", "kind", "unknown").increment();
            jobs.finish(doc.key(), instance, JobRepository.Status.FAILED, "no handler", clock.instant());
            return;
        }
        runWith(handler, doc);
    }

    private <P extends Record> void runWith(JobHandler<P> handler, JobRepository.JobDocument doc) {
        Job<P> job;
        try {
            job = doc.job(handler.kind());
        } catch (RuntimeException e) {
            // Stored data that can't be read now never will be: fail it at once instead of retrying,
            // and go on with the rest of the due work.
            log.error("Job {} of kind {} can't run, {}; marking it failed", doc.key(), doc.kind(), e.getMessage());
            metrics.counter("alliance.jobs.failed", "kind", doc.kind()).increment();
            jobs.finish(doc.key(), instance, JobRepository.Status.FAILED, "unreadable: " + e.getMessage(),
                    clock.instant());
            return;
        }
        JobHandler.Outcome outcome;
        try {
            handler.logContext(job.payload()).forEach(ScheduleRunner::putIfPresent);
            outcome = handler.run(job);
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                // Not the job's fault: it goes back as it was, without using up one of its tries.
                log.warn("Job {} waits: database unreachable ({})", job.key(), DatabaseOutage.summary(e));
                // Tried once: if the database is still away, the lease running out gives the job back too.
                jobs.reschedule(job.key(), instance, clock.instant(), "database unreachable", false);
                throw e;
            }
            failed(handler, job, doc, e);
            return;
        }
        record(job, outcome);
    }

    private <P extends Record> void failed(JobHandler<P> handler, Job<P> job, JobRepository.JobDocument doc,
                                           RuntimeException e) {
        metrics.counter("alliance.jobs.failed", "kind", doc.kind()).increment();
        Optional<String> gone = workspaces == null ? Optional.empty() : workspaces.unreachable(job.teamId());
        if (gone.isPresent()) {
            // It was running when its workspace left: a retry would only be refused again.
            log.info("Job {} not retried: workspace {} can't be reached ({})", job.key(), job.teamId(), gone.get());
            jobs.finish(job.key(), instance, JobRepository.Status.FAILED, "workspace gone: " + gone.get(),
                    clock.instant());
        } else if (doc.attempts() >= settings.maxAttempts()) {
            log.error("Job {} failed for good after {} tries: {}", job.key(), doc.attempts(), e.getMessage(), e);
            jobs.finish(job.key(), instance, JobRepository.Status.FAILED, e.getMessage(), clock.instant());
            try {
                handler.failed(job, e.getMessage());
            } catch (RuntimeException again) {
                log.error("Job {}: could not report its failure: {}", job.key(), again.getMessage());
            }
        } else {
            Instant retry = clock.instant().plus(settings.retryAfter().multipliedBy(doc.attempts()));
            log.warn("Job {} failed (try {} of {}), retrying at {}: {}", job.key(), doc.attempts(),
                    settings.maxAttempts(), retry, e.getMessage());
            jobs.reschedule(job.key(), instance, retry, e.getMessage(), true);
        }
    }

    private void record(Job<?> job, JobHandler.Outcome outcome) {
        if (outcome instanceof JobHandler.Outcome.Later later) {
            log.debug("Job {} deferred to {}: {}", job.key(), later.at(), later.note());
            store(job, () -> jobs.reschedule(job.key(), instance, later.at(), later.note(), false));
        } else {
            String note = ((JobHandler.Outcome.Done) outcome).note();
            if (note != null) {
                log.info("Job {}: {}", job.key(), note);
            }
            // The job's messages are out: recording that must wait out an outage, or it would run again.
            store(job, () -> jobs.finish(job.key(), instance, JobRepository.Status.DONE, note, clock.instant()));
        }
    }

    private static void store(Job<?> job, Runnable write) {
        JobWrites.afterSending("Job " + job.key(), write);
    }
}
