package org.alliance.checkin;

import java.util.Map;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.springframework.stereotype.Component;

/**
 * Nudges a leader, once, about an answer they have neither acknowledged nor replied to, inside
 * their working hours and not while they are away. Anything that closed the loop meanwhile
 * (or a change of leader) drops it.
 */
@Component
class ReplyNudgeJob implements JobHandler<ReplyNudgeData> {

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final ReplyNudgePlanner planner;
    private final SlackLoopMessenger slack;

    ReplyNudgeJob(CheckInRepository checkIns, ResponseRepository responses, ReplyNudgePlanner planner,
                  SlackLoopMessenger slack) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.planner = planner;
        this.slack = slack;
    }

    @Override
    public JobKind<ReplyNudgeData> kind() {
        return ReplyNudgePlanner.ANSWER;
    }

    @Override
    public Map<String, String> logContext(ReplyNudgeData payload) {
        return CheckInLog.context(payload.checkInId());
    }

    @Override
    public Outcome run(Job<ReplyNudgeData> job) {
        ReplyNudgeData data = job.payload();
        Optional<CheckIn> checkIn = checkIns.find(job.teamId(), data.checkInId());
        if (checkIn.isEmpty() || !checkIn.get().leaderId().equals(data.leaderId())) {
            return Outcome.skipped("check-in " + data.checkInId() + " is gone or led by someone else now");
        }
        Optional<Response> answer = responses.find(data.checkInId(), data.userId())
                .filter(r -> r.status() == ResponseStatus.ANSWERED);
        if (answer.isEmpty()) {
            return Outcome.skipped("no answer of " + data.userId() + " to " + data.checkInId() + " any more");
        }
        if (answer.get().loopClosed()) {
            return Outcome.skipped(data.leaderId() + " already read or replied to " + answer.get().id());
        }
        Optional<Outcome> later = planner.notNow(job.teamId(), data.leaderId());
        if (later.isPresent()) {
            return later.get();
        }
        slack.nudgeAnswer(checkIn.get(), answer.get());
        return Outcome.done();
    }
}
