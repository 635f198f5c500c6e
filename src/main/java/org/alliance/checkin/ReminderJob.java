package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.WorkingHours;
import org.alliance.snooze.Snoozes;
import org.springframework.stereotype.Component;
import org.alliance.shared.TimeZones;

/**
 * Nudges one person who has not answered yet, inside their own working hours. What no longer
 * makes sense (answered, skipped, away, check-in ended) is skipped and logged, never sent.
 */
@Component
class ReminderJob implements JobHandler<ReminderJobData> {

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final Snoozes snoozes;
    private final WorkingHours workingHours;
    private final TimeZones timeZones;
    private final FollowThroughMessenger messenger;
    private final CheckInSchedule schedule;
    private final Clock clock;

    ReminderJob(CheckInRepository checkIns, ResponseRepository responses, TimeZones timeZones, Snoozes snoozes,
                WorkingHours workingHours, FollowThroughMessenger messenger, CheckInSchedule schedule, Clock clock) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.timeZones = timeZones;
        this.snoozes = snoozes;
        this.workingHours = workingHours;
        this.messenger = messenger;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Override
    public JobKind<ReminderJobData> kind() {
        return CheckInSchedule.REMIND;
    }

    @Override
    public Outcome run(Job<ReminderJobData> job) {
        String userId = job.payload().userId();
        PendingPerson target = PendingPerson.of(job.payload().checkInId(), userId, checkIns, responses);
        if (target.nothingToDo() != null) {
            return Outcome.skipped(target.nothingToDo());
        }
        CheckIn checkIn = target.checkIn();
        if (target.response().dmTs() == null) {
            return Outcome.skipped(userId + " never got the invitation to " + checkIn.id());
        }
        if (snoozes.awayUntil(job.teamId(), userId).isPresent()) {
            return Outcome.skipped(userId + " is away");
        }
        Instant now = clock.instant();
        if (!now.isBefore(checkIn.dueAt())) {
            // Overdue work (the poller was behind): the check-in is closing, a reminder would only confuse.
            return Outcome.skipped(checkIn.id() + " is already due");
        }
        // An earlier reminder still waiting (for working hours) goes first, and this one keeps its distance.
        Instant earliest = schedule.notBeforeReminder(checkIn.id(), userId, job.payload().n(), now);
        Instant allowed = workingHours.nextAllowed(earliest, timeZones.of(job.teamId(), userId));
        if (allowed.isAfter(now)) {
            return allowed.isBefore(checkIn.dueAt())
                    ? new Outcome.Later(allowed, earliest.isAfter(now) ? "after an earlier reminder of " + userId
                            : "outside " + userId + "'s working hours")
                    : Outcome.skipped("no working hours of " + userId + " left before " + checkIn.id() + " is due");
        }
        messenger.remind(checkIn, target.response());
        return Outcome.done();
    }

    @Override
    public void failed(Job<ReminderJobData> job, String error) {
        checkIns.find(job.payload().checkInId()).ifPresent(c -> messenger.tellLeader(c, "I couldn't remind <@"
                + job.payload().userId() + "> about check-in `" + c.id() + "`: Slack kept refusing (" + error
                + "). You may want to nudge them yourself."));
    }

}
