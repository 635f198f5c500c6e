package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.alliance.snooze.Snoozes;
import org.springframework.stereotype.Component;

/**
 * Nudges one person who has not answered yet, inside their own working hours. What no longer
 * makes sense (answered, skipped, away, check-in ended) is skipped and logged, never sent.
 */
@Component
class ReminderJob implements JobHandler<ReminderJobData> {

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final Snoozes snoozes;
    private final FollowThroughMessenger messenger;
    private final ReminderPlan plan;
    private final Clock clock;

    ReminderJob(CheckInRepository checkIns, ResponseRepository responses, Snoozes snoozes,
                FollowThroughMessenger messenger, ReminderPlan plan, Clock clock) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.snoozes = snoozes;
        this.messenger = messenger;
        this.plan = plan;
        this.clock = clock;
    }

    @Override
    public JobKind<ReminderJobData> kind() {
        return CheckInSchedule.REMIND;
    }

    @Override
    public Map<String, String> logContext(ReminderJobData payload) {
        return CheckInLog.context(payload.checkInId());
    }

    @Override
    public Outcome run(Job<ReminderJobData> job) {
        String userId = job.payload().userId();
        PendingPerson target = PendingPerson.of(job.teamId(), job.payload().checkInId(), userId, checkIns, responses);
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
        // The same decision /alliance status shows the leader.
        ReminderPlan.Decision decision = plan.decide(checkIn, userId, job.payload().n(), now);
        if (decision instanceof ReminderPlan.Decision.Never never) {
            return Outcome.skipped(never.why());
        }
        ReminderPlan.Decision.Goes goes = (ReminderPlan.Decision.Goes) decision;
        if (goes.at().isAfter(now)) {
            return new Outcome.Later(goes.at(), goes.afterEarlier() ? "after an earlier reminder of " + userId
                    : "outside " + userId + "'s working hours");
        }
        messenger.remind(checkIn, target.response());
        return Outcome.done();
    }

    @Override
    public void failed(Job<ReminderJobData> job, String error) {
        checkIns.find(job.teamId(), job.payload().checkInId()).ifPresent(c -> messenger.tellLeader(c, "I couldn't remind <@"
                + job.payload().userId() + "> about check-in `" + c.id() + "`: Slack kept refusing (" + error
                + "). You may want to nudge them yourself."));
    }

}
