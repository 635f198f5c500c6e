package org.alliance.checkin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Weeks after a check-in, reminds the leader to come back to its people. */
@Component
class FollowUpJob implements JobHandler<CheckInJobData> {

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final FollowThroughMessenger messenger;
    private final ObjectProvider<OpenCommitments> commitments;

    FollowUpJob(CheckInRepository checkIns, ResponseRepository responses, FollowThroughMessenger messenger,
                ObjectProvider<OpenCommitments> commitments) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.messenger = messenger;
        this.commitments = commitments;
    }

    @Override
    public JobKind<CheckInJobData> kind() {
        return CheckInSchedule.FOLLOW_UP;
    }

    @Override
    public Map<String, String> logContext(CheckInJobData payload) {
        return CheckInLog.context(payload.checkInId());
    }

    @Override
    public Outcome run(Job<CheckInJobData> job) {
        String checkInId = job.payload().checkInId();
        Optional<CheckIn> checkIn = checkIns.find(job.teamId(), checkInId);
        if (checkIn.isEmpty()) {
            return Outcome.skipped("check-in " + checkInId + " no longer exists");
        }
        List<String> open = commitments.stream()
                .flatMap(c -> c.describeOpen(job.teamId(), checkIn.get().id()).stream()).toList();
        messenger.followUp(checkIn.get(), responses.forCheckIn(checkIn.get().id()), open);
        return Outcome.done();
    }
}
