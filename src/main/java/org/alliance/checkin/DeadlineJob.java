package org.alliance.checkin;

import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.springframework.stereotype.Component;

/** Closes a check-in at its due time: missing answers become missed, and the leader gets the digest. */
@Component
class DeadlineJob implements JobHandler {

    private final CheckInRepository checkIns;
    private final Ending ending;
    private final FollowThroughMessenger messenger;

    DeadlineJob(CheckInRepository checkIns, Ending ending, FollowThroughMessenger messenger) {
        this.checkIns = checkIns;
        this.ending = ending;
        this.messenger = messenger;
    }

    @Override
    public void failed(Job job, String error) {
        checkIns.find(job.get("checkInId")).ifPresent(c -> messenger.tellLeader(c, "Check-in `" + c.id()
                + "` reached its due time, but I couldn't finish closing it (" + error + "). `/alliance status "
                + c.id() + "` shows where it stands."));
    }

    @Override
    public String kind() {
        return CheckInSchedule.CLOSE;
    }

    @Override
    public Outcome run(Job job) {
        Optional<CheckIn> checkIn = checkIns.find(job.get("checkInId"));
        if (checkIn.isEmpty() || !checkIn.get().isOpen()) {
            return Outcome.skipped("check-in " + job.get("checkInId") + " had already ended");
        }
        return ending.close(checkIn.get()) ? Outcome.done() : Outcome.skipped("it ended meanwhile");
    }
}
