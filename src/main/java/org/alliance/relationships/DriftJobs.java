package org.alliance.relationships;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.springframework.stereotype.Component;

/**
 * Puts the drift work on the schedule. Every key names its day, so however many instances,
 * check-ins or restarts ask, a workspace is swept once a day and a leader alerted once a day.
 */
@Component
class DriftJobs {

    // Stored with every job: work already waiting in a database finds its handler by these names.
    static final JobKind<DriftJobData.Sweep> SWEEP = new JobKind<>("drift.sweep", DriftJobData.Sweep.class);
    static final JobKind<DriftJobData.Alert> ALERT = new JobKind<>("drift.alert", DriftJobData.Alert.class);
    static final JobKind<DriftJobData.Backfill> BACKFILL = new JobKind<>("relationships.backfill",
            DriftJobData.Backfill.class);
    /** Raise it to run the backfill once more on every database. */
    static final int BACKFILL_VERSION = 1;

    private final Schedule schedule;
    private final Clock clock;

    DriftJobs(Schedule schedule, Clock clock) {
        this.schedule = schedule;
        this.clock = clock;
    }

    /** The workspace's next sweep, at the start of tomorrow (UTC). */
    void sweepTomorrow(String teamId) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        schedule.add(new Job<>(SWEEP.key(teamId, day), teamId, SWEEP, day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                new DriftJobData.Sweep(day)));
    }

    /** The leader's alert at {@code at}; a second one for the same local day is not stored. */
    void alert(String teamId, String leaderId, Instant at, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        schedule.add(new Job<>(ALERT.key(teamId, leaderId, day), teamId, ALERT, at,
                new DriftJobData.Alert(leaderId, day)));
    }

    /** The backfill, now; only the first call on a database stores it. */
    void backfillOnce() {
        schedule.add(new Job<>(BACKFILL.key(BACKFILL_VERSION), null, BACKFILL, clock.instant(),
                new DriftJobData.Backfill(BACKFILL_VERSION)));
    }
}
