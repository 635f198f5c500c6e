package org.alliance.schedule;

import java.time.Clock;
import java.util.List;

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

    /** Jobs of {@code kind} not yet done whose data has {@code dataKey = dataValue}, soonest first. */
    public List<Job> upcoming(String kind, String dataKey, String dataValue) {
        return jobs.pending(kind, dataKey, dataValue);
    }
}
