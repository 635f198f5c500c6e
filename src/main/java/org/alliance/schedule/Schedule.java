package org.alliance.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alliance.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Where features put work for later. The work itself runs in {@link ScheduleRunner}. */
@Service
public class Schedule {

    private static final Logger log = LoggerFactory.getLogger(Schedule.class);

    private final JobRepository jobs;
    private final Clock clock;
    private final Workspaces workspaces;

    /** Without a workspace directory, for tests: every workspace counts as installed. */
    Schedule(JobRepository jobs, Clock clock) {
        this(jobs, clock, null);
    }

    @Autowired
    Schedule(JobRepository jobs, Clock clock, Workspaces workspaces) {
        this.jobs = jobs;
        this.clock = clock;
        this.workspaces = workspaces;
    }

    /**
     * Stores the job unless one with its key exists; returns whether it was new. Work for a
     * workspace that uninstalled the app (or whose token Slack rejected) is not stored: work that
     * was under way when it left must not plan more after its waiting jobs were cancelled.
     */
    public boolean add(Job<?> job) {
        return reachable(job) && addEvenIfGone(job);
    }

    /** Like {@link #add} for the workspace's own lifecycle work, such as purging it after it left. */
    public boolean addEvenIfGone(Job<?> job) {
        return jobs.insert(job, clock.instant());
    }

    /** Stores these jobs in one write, each unless one with its key exists; returns how many were new. */
    public int addAll(List<? extends Job<?>> batch) {
        return jobs.insertAll(batch.stream().filter(this::reachable).<Job<?>>map(j -> j).toList(), clock.instant());
    }

    private boolean reachable(Job<?> job) {
        Optional<String> gone = workspaces == null ? Optional.empty() : workspaces.unreachable(job.teamId());
        gone.ifPresent(why -> log.debug("Not scheduling {} for workspace {}: {}", job.key(), job.teamId(), why));
        return gone.isEmpty();
    }

    /**
     * Moves a job still waiting to {@code at}; false when there is none to move (it ran, is running,
     * or never existed). A job already claimed keeps its time: moving it under the runner would race.
     */
    public boolean reschedule(String key, Instant at) {
        return jobs.move(key, at);
    }

    /**
     * Deletes every job of the workspace that is still waiting, so none of them ever runs (its
     * workspace went away); returns how many. Their keys are free again.
     */
    public long cancelAll(String teamId) {
        return jobs.deletePending(teamId);
    }

    /** When the job with {@code key} did its work, if it did (not skipped, failed or still to run). */
    public Optional<Instant> doneAt(String key) {
        return jobs.find(key)
                .filter(d -> JobRepository.Status.DONE.name().equals(d.status()) && d.note() == null)
                .map(JobRepository.JobDocument::finishedAt);
    }

    /**
     * Jobs of {@code kind} not yet done whose payload has {@code field} (a component's name) equal to
     * {@code value}, soonest first.
     */
    public <P extends Record> List<Job<P>> upcoming(JobKind<P> kind, String field, Object value) {
        String stored = PayloadCodec.field(kind.payloadType(), field, value);
        List<Job<P>> upcoming = new ArrayList<>();
        for (JobRepository.JobDocument doc : jobs.pending(kind.name(), field, stored)) {
            try {
                upcoming.add(doc.job(kind));
            } catch (PayloadCodec.Unreadable e) {
                // It fails on its own when it comes due; a view of what's ahead shouldn't fail with it.
                log.warn("Leaving job {} out of the upcoming {} jobs: {}", doc.key(), kind.name(), e.getMessage());
            }
        }
        return upcoming;
    }

    /**
     * Deletes every job of {@code kind} (waiting, running or finished) whose payload has {@code field}
     * equal to {@code value}; returns how many. For data that must not outlive a person's erasure.
     */
    public long drop(JobKind<?> kind, String field, Object value) {
        return jobs.deleteAll(kind.name(), field, PayloadCodec.field(kind.payloadType(), field, value));
    }
}
