package org.alliance.recurring;

import java.time.LocalDateTime;

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
 * A workspace installed again gets its active recurring check-ins back: their round jobs were
 * deleted when it went away, and each series now plans its next round still ahead (rounds missed
 * meanwhile are not made up, as after a pause). Paused and stopped series stay as they were. Done
 * as a job, not in the listener: planning a round asks Slack for people's time zones.
 */
@Component
class SeriesReconnect implements JobHandler<SeriesReconnect.Data> {

    record Data(String teamId) {
    }

    private static final Logger log = LoggerFactory.getLogger(SeriesReconnect.class);
    // Stored with the job: never rename.
    static final JobKind<Data> KIND = new JobKind<>("series.reconnect", Data.class);

    private final Schedule schedule;
    private final SeriesRepository series;
    private final RecurringCheckIns recurring;

    SeriesReconnect(Schedule schedule, SeriesRepository series, RecurringCheckIns recurring) {
        this.schedule = schedule;
        this.series = series;
        this.recurring = recurring;
    }

    @EventListener
    void on(WorkspaceReconnected event) {
        try {
            schedule.add(new Job<>(KIND.key(event.teamId(), event.at().toEpochMilli()), event.teamId(), KIND,
                    event.at(), new Data(event.teamId())));
        } catch (RuntimeException e) {
            log.error("Workspace {} is back, but its recurring check-ins could not be planned again: {}",
                    event.teamId(), e.getMessage(), e);
        }
    }

    @Override
    public JobKind<Data> kind() {
        return KIND;
    }

    @Override
    public Outcome run(Job<Data> job) {
        int planned = 0;
        for (Series s : series.active(job.payload().teamId())) {
            LocalDateTime next = recurring.nextAhead(s);
            if (next == null) {
                continue;
            }
            series.setNext(s.id(), next);
            recurring.scheduleNext(series.find(s.teamId(), s.id()).orElseThrow());
            planned++;
        }
        return new Outcome.Done("planned the next round of " + planned + " recurring check-ins again");
    }
}
