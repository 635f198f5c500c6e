package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The answers a leader can close the loop on, for features that reply to them (conversations,
 * agreements): an answer is reached only by its check-in's leader, in its own workspace, and
 * only once it was answered.
 */
@Service
public class AnswerLoop {

    /** One answered response with its check-in. */
    public record Answer(CheckIn checkIn, Response response) {
    }

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AnswerLoop(CheckInRepository checkIns, ResponseRepository responses, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.checkIns = checkIns;
        this.responses = responses;
        this.clock = clock;
    }

    /**
     * The answer behind a button value ({@code checkInId:userId}) when {@code viewerId} leads its
     * check-in in {@code teamId} and the person answered; empty otherwise, so a forged or foreign
     * value reaches nothing.
     */
    public Optional<Answer> forLeader(String teamId, String responseId, String viewerId) {
        Optional<FollowUpButton> ref = FollowUpButton.parse(responseId);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        return checkIns.find(teamId, ref.get().checkInId())
                .filter(c -> c.leaderId().equals(viewerId))
                .flatMap(c -> responses.find(c.id(), ref.get().memberId())
                        .filter(r -> r.status() == ResponseStatus.ANSWERED)
                        .map(r -> new Answer(c, r)));
    }

    /**
     * The leader-only answer whose shared message in the leader's DM is {@code threadTs}, when
     * {@code leaderId} leads its check-in: the thread under it is where they talk about it.
     */
    public Optional<Answer> forLeaderThread(String teamId, String leaderId, String threadTs) {
        for (Response r : responses.bySharedTs(teamId, threadTs)) {
            Optional<Answer> answer = checkIns.find(teamId, r.checkInId())
                    .filter(c -> c.visibility() == Visibility.LEADER && c.leaderId().equals(leaderId))
                    .filter(c -> r.status() == ResponseStatus.ANSWERED)
                    .map(c -> new Answer(c, r));
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }

    /** Records the leader's first reply to an answer, for the follow-through score and the reply nudge. */
    public void replied(Answer answer) {
        Instant now = clock.instant();
        if (responses.replied(answer.response().id(), now).isPresent()) {
            CheckIn c = answer.checkIn();
            events.publishEvent(new LoopClosed(c.teamId(), c.id(), c.leaderId(), now));
        }
    }
}
