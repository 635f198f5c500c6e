package org.alliance.commitments;

import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.springframework.stereotype.Component;

/** A reminder of a commitment to its leader, unless it has been done meanwhile. */
@Component
class CommitmentReminderJob implements JobHandler<CommitmentReminderData> {

    private final Commitments commitments;
    private final CommitmentNotifier notifier;

    CommitmentReminderJob(Commitments commitments, CommitmentNotifier notifier) {
        this.commitments = commitments;
        this.notifier = notifier;
    }

    @Override
    public JobKind<CommitmentReminderData> kind() {
        return CommitmentReminders.KIND;
    }

    @Override
    public Outcome run(Job<CommitmentReminderData> job) {
        String id = job.payload().commitmentId();
        Optional<Commitment> found = commitments.find(job.teamId(), id);
        if (found.isEmpty()) {
            return Outcome.skipped("commitment " + id + " is gone");
        }
        Commitment c = found.get();
        if (!c.isOpen()) {
            return Outcome.skipped("commitment " + c.id() + " is done");
        }
        notifier.remind(c, job.payload().when());
        return Outcome.done();
    }
}
