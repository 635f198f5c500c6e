package org.alliance.playbooks;

import java.util.Optional;

import org.alliance.checkin.CheckInMessenger;
import org.alliance.checkin.StartOutcome;
import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts one later step of a playbook at its time, unless it was skipped or the playbook stopped. */
@Component
class StepJob implements JobHandler<StepJobData> {

    private static final Logger log = LoggerFactory.getLogger(StepJob.class);

    private final PlaybookRepository playbooks;
    private final PlaybookRuns runs;
    private final CheckInMessenger messenger;

    StepJob(PlaybookRepository playbooks, PlaybookRuns runs, CheckInMessenger messenger) {
        this.playbooks = playbooks;
        this.runs = runs;
        this.messenger = messenger;
    }

    @Override
    public JobKind<StepJobData> kind() {
        return PlaybookRuns.STEP;
    }

    @Override
    public Outcome run(Job<StepJobData> job) {
        String stepName = job.payload().step();
        Optional<Playbook> found = playbooks.find(job.teamId(), job.payload().playbookId());
        Optional<Playbook.Step> step = found.flatMap(p -> p.step(stepName));
        if (step.isEmpty()) {
            return Outcome.skipped("playbook " + job.payload().playbookId() + " has no step " + stepName);
        }
        if (!step.get().planned()) {
            return Outcome.skipped("step " + stepName + " of " + found.get().id() + " is " + step.get().status());
        }
        Playbook p = found.get();
        String what = "The " + PlaybookSteps.label(stepName) + " of your playbook `" + p.id() + "` ("
                + PlaybookSteps.title(p.purpose()) + ")";
        try {
            StartOutcome outcome = runs.run(p, stepName, null);
            if (outcome == null) {
                return Outcome.skipped("step " + stepName + " of " + p.id() + " was taken by another run");
            }
            if (outcome instanceof StartOutcome.Refused refused) {
                messenger.tell(p.teamId(), p.leaderId(), ":warning: " + what + " couldn't start: " + refused.message()
                        + later(p));
            }
        } catch (RuntimeException e) {
            log.error("Playbook {}: step {} failed to start", p.id(), stepName, e);
            messenger.tell(p.teamId(), p.leaderId(), ":warning: " + what + " couldn't start because Slack didn't "
                    + "answer." + later(p));
        }
        runs.announce(p);
        return Outcome.done();
    }

    private static String later(Playbook p) {
        return p.steps().stream().filter(Playbook.Step::planned).count() > 1
                ? " The steps after it are planned as usual; `/alliance stop " + p.id() + "` stops them." : "";
    }
}
