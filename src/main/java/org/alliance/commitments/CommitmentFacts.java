package org.alliance.commitments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * What the follow-through score needs to know about a leader's commitments: only when each was
 * due, done and rated, never what was promised or to whom. Bounded by leader, workspace and time.
 */
@Service
public class CommitmentFacts {

    /** Enough for any real leader's 90 days; a runaway count must not make Home slow. */
    static final int MAX_COMMITMENTS = 1000;
    /** From {@link Commitment#DUE_TIME} to the end of that day: "by Friday" is kept when done on Friday evening. */
    private static final Duration REST_OF_DUE_DAY =
            Duration.ofDays(1).minus(Duration.between(LocalTime.MIDNIGHT, Commitment.DUE_TIME));

    /**
     * One commitment.
     *
     * @param dueBy   the end of its due date in the leader's time zone: done by then is on time
     * @param doneAt  when the leader marked it done; null while open
     * @param ratedAt when the member answered "Did it help?"; null until they did
     * @param helped  whether that answer was "Yes" ("Somewhat" and "Not really" are not)
     */
    public record Fact(Instant dueBy, Instant doneAt, Instant ratedAt, boolean helped) {
    }

    private final CommitmentRepository repository;

    CommitmentFacts(CommitmentRepository repository) {
        this.repository = repository;
    }

    /**
     * The commitments {@code leaderId} made in {@code teamId} that were due after {@code since} or
     * rated after it: every one whose due date, completion or rating may fall in the window. The
     * caller decides which count for what.
     */
    public List<Fact> ofLeader(String teamId, String leaderId, Instant since) {
        return repository.dueOrRatedSince(teamId, leaderId, since.minus(REST_OF_DUE_DAY), MAX_COMMITMENTS).stream()
                .map(c -> new Fact(c.dueAt().plus(REST_OF_DUE_DAY), c.doneAt(), c.helpedAt(),
                        c.helped() == Helped.YES))
                .toList();
    }
}
