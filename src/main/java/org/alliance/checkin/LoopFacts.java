package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * What the follow-through score needs to know about how a leader closed the loop on answers:
 * only times, never who answered or what they said. Bounded by leader, workspace and the time
 * the check-ins started, and served by the (team, leader, createdAt) and (checkInId, userId) indexes.
 */
@Service
public class LoopFacts {

    /** Enough check-ins for any real leader's 90 days; a runaway count must not make Home slow. */
    static final int MAX_CHECK_INS = 500;

    /**
     * One answer that reached the leader.
     *
     * @param checkInId which check-in it answered, to tell whether every answer of one check-in was closed
     * @param reachedAt when the leader could first see it: the answer's time, or for an anonymous
     *                  check-in the end of the check-in (when its summary went to the leader), so no
     *                  author's own timing is used
     * @param closedAt  the leader's first acknowledgement or reply, whichever came first; null while waiting
     */
    public record Answer(String checkInId, Instant reachedAt, Instant closedAt) {
    }

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;

    LoopFacts(CheckInRepository checkIns, ResponseRepository responses) {
        this.checkIns = checkIns;
        this.responses = responses;
    }

    /**
     * The answers to the check-ins {@code leaderId} started in {@code [since, until]} that reached
     * them. An anonymous check-in counts only once it ended with its summary shown (enough answers):
     * before that the leader has nothing to acknowledge.
     */
    public List<Answer> answersTo(String teamId, String leaderId, Instant since, Instant until) {
        Map<String, CheckIn> led = checkIns.ledBetween(teamId, leaderId, since, until, MAX_CHECK_INS).stream()
                .collect(Collectors.toMap(CheckIn::id, Function.identity()));
        if (led.isEmpty()) {
            return List.of();
        }
        Map<String, List<Response>> answered = responses.answeredIn(led.keySet()).stream()
                .collect(Collectors.groupingBy(Response::checkInId));
        List<Answer> answers = new ArrayList<>();
        answered.forEach((checkInId, rs) -> {
            CheckIn c = led.get(checkInId);
            boolean anonymous = c.visibility() == Visibility.ANONYMOUS;
            if (anonymous && (c.closedAt() == null || !c.anonymousSummaryShown(rs.size()))) {
                return;
            }
            for (Response r : rs) {
                Instant reached = anonymous ? c.closedAt() : r.answeredAt();
                answers.add(new Answer(checkInId, reached == null ? c.createdAt() : reached, firstOf(r)));
            }
        });
        return answers;
    }

    private static Instant firstOf(Response r) {
        if (r.acknowledgedAt() == null) {
            return r.repliedAt();
        }
        return r.repliedAt() == null || r.acknowledgedAt().isBefore(r.repliedAt()) ? r.acknowledgedAt() : r.repliedAt();
    }
}
