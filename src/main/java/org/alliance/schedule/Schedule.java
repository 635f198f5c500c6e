package org.alliance.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Where features put work for later. The work itself runs in {@link ScheduleRunner}. */
@Service
public class Schedule {

    private final JobRepository jobs;
    private final Clock clock;

    Schedule(JobRepository jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Stores the job unless one with its key exists; returns whether it was new. */
    public boolean add(Job job) {
        return jobs.insert(job, clock.instant());
    }

    /** When the job with {@code key} did its work, if it did (not skipped, failed or still to run). */
    public Optional<Instant> doneAt(String key) {
        return jobs.find(key)
                .filter(d -> JobRepository.Status.DONE.name().equals(d.status()) && d.note() == null)
                .map(JobRepository.JobDocument::finishedAt);
    }

    /** Jobs of {@code kind} not yet done whose data has {@code dataKey = dataValue}, soonest first. */
    public List<Job> upcoming(String kind, String dataKey, String dataValue) {
        return jobs.pending(kind, dataKey, dataValue);
    }
}
