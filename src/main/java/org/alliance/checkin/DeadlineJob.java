package org.alliance.checkin;

import java.util.Map;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.springframework.stereotype.Component;

/** Closes a check-in at its due time: missing answers become missed, and the leader gets the digest. */
@Component
class DeadlineJob implements JobHandler<CheckInJobData> {

    private final CheckInRepository checkIns;
    private final Ending ending;
    private final FollowThroughMessenger messenger;

    DeadlineJob(CheckInRepository checkIns, Ending ending, FollowThroughMessenger messenger) {
        this.checkIns = checkIns;
        this.ending = ending;
        this.messenger = messenger;
    }

    @Override
    public void failed(Job<CheckInJobData> job, String error) {
        checkIns.find(job.teamId(), job.payload().checkInId()).ifPresent(c -> messenger.tellLeader(c, "Check-in `" + c.id()
                + "` reached its due time, but I couldn't finish closing it (" + error + "). `/alliance status "
                + c.id() + "` shows where it stands."));
    }

    @Override
    public JobKind<CheckInJobData> kind() {
        return CheckInSchedule.CLOSE;
    }

    @Override
    public Map<String, String> logContext(CheckInJobData payload) {
        return CheckInLog.context(payload.checkInId());
    }

    @Override
    public Outcome run(Job<CheckInJobData> job) {
        String checkInId = job.payload().checkInId();
        Optional<CheckIn> checkIn = checkIns.find(job.teamId(), checkInId);
        if (checkIn.isEmpty() || !checkIn.get().isOpen()) {
            return Outcome.skipped("check-in " + checkInId + " had already ended");
        }
        return ending.close(checkIn.get()) ? Outcome.done() : Outcome.skipped("it ended meanwhile");
    }
}
