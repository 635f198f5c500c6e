package org.alliance.checkin;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.JobWrites;
import org.alliance.snooze.Snoozes;
import org.springframework.stereotype.Component;

/** Sends one person's invitation to a round at their own local time. */
@Component
class InviteJob implements JobHandler<InviteJobData> {

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final CheckInMessenger messenger;
    private final CheckInSchedule schedule;
    private final Snoozes snoozes;
    private final Ending ending;
    private final Clock clock;

    InviteJob(CheckInRepository checkIns, ResponseRepository responses, CheckInMessenger messenger,
              CheckInSchedule schedule, Snoozes snoozes, Ending ending, Clock clock) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.messenger = messenger;
        this.schedule = schedule;
        this.snoozes = snoozes;
        this.ending = ending;
        this.clock = clock;
    }

    @Override
    public JobKind<InviteJobData> kind() {
        return CheckInSchedule.INVITE;
    }

    @Override
    public Map<String, String> logContext(InviteJobData payload) {
        return CheckInLog.context(payload.checkInId());
    }

    @Override
    public Outcome run(Job<InviteJobData> job) {
        String userId = job.payload().userId();
        PendingPerson target = PendingPerson.of(job.teamId(), job.payload().checkInId(), userId, checkIns, responses);
        if (target.nothingToDo() != null) {
            return Outcome.skipped(target.nothingToDo());
        }
        CheckIn checkIn = target.checkIn();
        Response response = target.response();
        if (response.dmTs() != null) {
            return Outcome.skipped(userId + " was invited to " + checkIn.id() + " already");
        }
        Optional<java.time.Instant> awayUntil = snoozes.awayUntil(job.teamId(), userId);
        if (awayUntil.isPresent()) {
            // As when a round starts with someone away: the leader sees until when, and nobody is waited for.
            responses.skipped(response.id(), AwayReason.until(awayUntil.get()), clock.instant());
            messenger.updateParent(checkIn, Progress.of(responses.forCheckIn(checkIn.id())));
            ending.completeIfAllIn(checkIn.teamId(), checkIn.id());
            return Outcome.skipped(userId + " is away");
        }
        CheckInMessenger.Posted dm = messenger.invite(checkIn, response);
        // The invitation is out: recording it must outlast a database outage, or the retry would invite again.
        JobWrites.afterSending("Invitation of " + userId + " to " + checkIn.id(), () -> {
            responses.invited(response.id(), dm.channelId(), dm.ts());
            schedule.invited(checkIn, userId, clock.instant());
        });
        return Outcome.done();
    }

    @Override
    public void failed(Job<InviteJobData> job, String error) {
        checkIns.find(job.teamId(), job.payload().checkInId()).ifPresent(c -> messenger.tell(c.teamId(), c.leaderId(),
                "I couldn't send check-in `" + c.id() + "` to <@" + job.payload().userId() + "> (Slack said: "
                        + error + "). They may have deactivated their account or blocked DMs from apps."));
    }
}
