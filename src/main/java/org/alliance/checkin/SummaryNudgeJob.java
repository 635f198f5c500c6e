package org.alliance.checkin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.springframework.stereotype.Component;

/**
 * Nudges a leader, once, about an anonymous summary they have not marked as read (nor replied to
 * any answer in it), inside their working hours and not while they are away. Names nobody.
 */
@Component
class SummaryNudgeJob implements JobHandler<SummaryNudgeData> {

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final ReplyNudgePlanner planner;
    private final SlackLoopMessenger slack;

    SummaryNudgeJob(CheckInRepository checkIns, ResponseRepository responses, ReplyNudgePlanner planner,
                    SlackLoopMessenger slack) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.planner = planner;
        this.slack = slack;
    }

    /** Whether the check-in ended with the anonymous summary shown. */
    static boolean summaryShown(CheckIn c, List<Response> all) {
        return c.anonymousSummaryShown(Progress.of(all).answered());
    }

    @Override
    public JobKind<SummaryNudgeData> kind() {
        return ReplyNudgePlanner.SUMMARY;
    }

    @Override
    public Map<String, String> logContext(SummaryNudgeData payload) {
        return CheckInLog.context(payload.checkInId());
    }

    @Override
    public Outcome run(Job<SummaryNudgeData> job) {
        SummaryNudgeData data = job.payload();
        Optional<CheckIn> checkIn = checkIns.find(job.teamId(), data.checkInId());
        if (checkIn.isEmpty() || !checkIn.get().leaderId().equals(data.leaderId())) {
            return Outcome.skipped("check-in " + data.checkInId() + " is gone or led by someone else now");
        }
        List<Response> all = responses.forCheckIn(data.checkInId());
        if (!summaryShown(checkIn.get(), all)) {
            return Outcome.skipped("check-in " + data.checkInId() + " showed no anonymous summary");
        }
        if (all.stream().anyMatch(r -> r.status() == ResponseStatus.ANSWERED && r.loopClosed())) {
            return Outcome.skipped(data.leaderId() + " already read the summary of " + data.checkInId());
        }
        Optional<Outcome> later = planner.notNow(job.teamId(), data.leaderId());
        if (later.isPresent()) {
            return later.get();
        }
        slack.nudgeSummary(checkIn.get());
        return Outcome.done();
    }
}
