package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.alliance.workspace.WorkspaceReconnected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A workspace installed again gets back the closing of the check-ins it left open: their jobs were
 * deleted when it went away, and without them they would stay open for good. Each closes at its due
 * time, or at once if that passed meanwhile; people still waiting get the reminders still ahead,
 * none missed meanwhile is made up. Done as a job, not in the listener: it reads every open check-in.
 */
@Component
class CheckInReconnect implements JobHandler<CheckInReconnect.Data> {

    record Data(String teamId) {
    }

    private static final Logger log = LoggerFactory.getLogger(CheckInReconnect.class);
    // Stored with the job: never rename.
    static final JobKind<Data> KIND = new JobKind<>("checkin.reconnect", Data.class);

    private final Schedule schedule;
    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final CheckInSchedule plan;
    private final Clock clock;

    CheckInReconnect(Schedule schedule, CheckInRepository checkIns, ResponseRepository responses,
                     CheckInSchedule plan, Clock clock) {
        this.schedule = schedule;
        this.checkIns = checkIns;
        this.responses = responses;
        this.plan = plan;
        this.clock = clock;
    }

    @EventListener
    void on(WorkspaceReconnected event) {
        try {
            schedule.add(new Job<>(KIND.key(event.teamId(), event.at().toEpochMilli()), event.teamId(), KIND,
                    event.at(), new Data(event.teamId())));
        } catch (RuntimeException e) {
            log.error("Workspace {} is back, but the closing of its open check-ins could not be planned again: {}",
                    event.teamId(), e.getMessage(), e);
        }
    }

    @Override
    public JobKind<Data> kind() {
        return KIND;
    }

    @Override
    public Outcome run(Job<Data> job) {
        Instant now = clock.instant();
        int planned = 0;
        for (CheckIn checkIn : checkIns.open(job.payload().teamId())) {
            plan.reconnected(checkIn, responses.forCheckIn(checkIn.id()), now);
            planned++;
        }
        return new Outcome.Done("planned the closing of " + planned + " open check-ins again");
    }
}
