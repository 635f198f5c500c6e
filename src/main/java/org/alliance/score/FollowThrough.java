package org.alliance.score;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.alliance.checkin.LoopFacts;
import org.alliance.commitments.CommitmentFacts;
import org.springframework.stereotype.Service;

/**
 * A leader's own follow-through score, over the last 90 days. Callers ask for the person who is
 * looking: there is no way to ask for someone else's, and nothing compares leaders.
 */
@Service
public class FollowThrough {

    static final Duration WINDOW = Duration.ofDays(90);

    private final CommitmentFacts commitments;
    private final LoopFacts loops;
    private final Clock clock;

    FollowThrough(CommitmentFacts commitments, LoopFacts loops, Clock clock) {
        this.commitments = commitments;
        this.loops = loops;
        this.clock = clock;
    }

    /** The score of {@code viewerId} as a leader in {@code teamId}, for their eyes only. */
    public FollowThroughScore ofViewer(String teamId, String viewerId) {
        Instant until = clock.instant();
        Instant since = until.minus(WINDOW);
        return FollowThroughScore.of(commitments.ofLeader(teamId, viewerId, since),
                loops.answersTo(teamId, viewerId, since, until), since, until);
    }
}
