package org.alliance.checkin;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Starts one check-in: plans it (where every refusal happens, before anything is written), then
 * launches it (stores it, posts it and invites people, undoing what it did if a step fails).
 * Runs after the Slack request was acknowledged. Leaders' asks come in through
 * {@link StartCheckIn}; recurring check-ins use this directly for their rounds.
 */
@Service
public class CheckInStarter {

    private final StartPlanner planner;
    private final Launch launch;

    CheckInStarter(StartPlanner planner, Launch launch) {
        this.planner = planner;
        this.launch = launch;
    }

    public StartOutcome start(StartRequest request) {
        return start(request, null, 0);
    }

    /**
     * One round of a recurring check-in: each person is invited at {@code localTime} in their own
     * time zone, and the round is due that long after the last of them is invited.
     */
    public StartOutcome startRound(StartRequest request, LocalDateTime localTime, int round) {
        return start(request, localTime, round);
    }

    /**
     * One step of a playbook, started now: the check-in remembers its playbook and the check-ins of the
     * steps before it, whose answers its leader then sees beside the new ones.
     */
    public StartOutcome startStep(StartRequest request, String playbookId, List<String> earlierCheckInIds) {
        StartPlanner.Planned planned = planner.plan(request, null, 0, new StartPlan.Step(playbookId, earlierCheckInIds));
        if (planned instanceof StartPlanner.Refused refused) {
            return new StartOutcome.Refused(refused.message());
        }
        return launch.launch(((StartPlanner.Ready) planned).plan());
    }

    /** Whether a request would start, without starting it: the leader hears about a typo at once. */
    public Optional<String> check(StartRequest request) {
        return planner.refusal(request);
    }

    /** Who a request would ask, for planning rounds; empty when it would be refused. */
    public List<String> participantsOf(StartRequest request) {
        return planner.participantsOf(request);
    }

    private StartOutcome start(StartRequest request, LocalDateTime localTime, int round) {
        StartPlanner.Planned planned = planner.plan(request, localTime, round);
        if (planned instanceof StartPlanner.Refused refused) {
            return new StartOutcome.Refused(refused.message());
        }
        return launch.launch(((StartPlanner.Ready) planned).plan());
    }
}
