package org.alliance.checkin;

import java.time.Clock;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.snooze.Snoozes;
import org.springframework.stereotype.Component;

/** Sends one person's invitation to a round at their own local time. */
@Component
class InviteJob implements JobHandler {

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
    public String kind() {
        return CheckInSchedule.INVITE;
    }

    @Override
    public Outcome run(Job job) {
        String userId = job.get("userId");
        Optional<CheckIn> checkIn = checkIns.find(job.get("checkInId"));
        if (checkIn.isEmpty() || !checkIn.get().isOpen()) {
            return Outcome.skipped("check-in " + job.get("checkInId") + " has ended");
        }
        Optional<Response> response = responses.find(checkIn.get().id(), userId);
        if (response.isEmpty() || response.get().dmTs() != null || response.get().status() != ResponseStatus.PENDING) {
            return Outcome.skipped(userId + " needs no invitation to " + checkIn.get().id());
        }
        Optional<java.time.Instant> awayUntil = snoozes.awayUntil(job.teamId(), userId);
        if (awayUntil.isPresent()) {
            // As when a round starts with someone away: the leader sees until when, and nobody is waited for.
            responses.skipped(response.get().id(), "Away until " + SlackDates.format(awayUntil.get()), clock.instant());
            ending.completeIfAllIn(checkIn.get().id());
            return Outcome.skipped(userId + " is away");
        }
        CheckInMessenger.Posted dm = messenger.invite(checkIn.get(), response.get());
        responses.invited(response.get().id(), dm.channelId(), dm.ts());
        schedule.invited(checkIn.get(), userId, clock.instant());
        return Outcome.done();
    }

    @Override
    public void failed(Job job, String error) {
        checkIns.find(job.get("checkInId")).ifPresent(c -> messenger.tell(c.teamId(), c.leaderId(),
                "I couldn't send check-in `" + c.id() + "` to <@" + job.get("userId") + "> (Slack said: "
                        + error + "). They may have deactivated their account or blocked DMs from apps."));
    }
}
