package org.alliance.commitments;

import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.springframework.stereotype.Component;

/** A reminder of a commitment to its leader, unless it has been done meanwhile. */
@Component
class CommitmentReminderJob implements JobHandler {

    private final Commitments commitments;
    private final CommitmentNotifier notifier;

    CommitmentReminderJob(Commitments commitments, CommitmentNotifier notifier) {
        this.commitments = commitments;
        this.notifier = notifier;
    }

    @Override
    public String kind() {
        return CommitmentReminders.KIND;
    }

    @Override
    public Outcome run(Job job) {
        Optional<Commitment> found = commitments.find(job.teamId(), job.get(CommitmentReminders.COMMITMENT_ID));
        if (found.isEmpty()) {
            return Outcome.skipped("commitment " + job.get(CommitmentReminders.COMMITMENT_ID) + " is gone");
        }
        Commitment c = found.get();
        if (!c.isOpen()) {
            return Outcome.skipped("commitment " + c.id() + " is done");
        }
        notifier.remind(c, CommitmentReminders.When.of(job.get(CommitmentReminders.WHEN)));
        return Outcome.done();
    }
}
