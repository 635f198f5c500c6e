package org.alliance.score;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.alliance.checkin.LoopFacts;
import org.alliance.commitments.CommitmentFacts;

/**
 * One leader's follow-through over a window, each figure with its count so that "100%" of one
 * is never mistaken for a habit. Worked out by {@link #of} from plain facts, with no I/O.
 *
 * @param days        how long the window is, for the words ("the last 90 days")
 * @param onTime      commitments done by the end of their due date, of those that fell due (or
 *                    were done early) in the window
 * @param replies     how long answers waited for the leader's first acknowledgement or reply
 * @param helped      "Did it help?" answers of "Yes", of all given in the window
 * @param loopsClosed check-ins whose every answer the leader acknowledged or replied to, of those with answers
 */
public record FollowThroughScore(long days, Share onTime, Replies replies, Share helped, Share loopsClosed) {

    /** {@code count} of {@code of}; nothing to say when {@code of} is 0. */
    public record Share(int count, int of) {
        boolean empty() {
            return of == 0;
        }
    }

    /**
     * @param median  the median wait of the answers closed, null when none was
     * @param closed  how many answers the leader acknowledged or replied to
     * @param waiting how many are still waiting for either
     */
    public record Replies(Duration median, int closed, int waiting) {
    }

    /**
     * The score over {@code [since, until]}. A commitment falls in the window when it fell due
     * there, or was done there before it fell due; so one still open and not yet due counts for
     * nothing, and one done late counts when it fell due.
     */
    static FollowThroughScore of(List<CommitmentFacts.Fact> commitments, List<LoopFacts.Answer> answers,
                                 Instant since, Instant until) {
        int due = 0;
        int kept = 0;
        int rated = 0;
        int yes = 0;
        for (CommitmentFacts.Fact c : commitments) {
            Instant settled = c.doneAt() != null && c.doneAt().isBefore(c.dueBy()) ? c.doneAt() : c.dueBy();
            if (within(settled, since, until)) {
                due++;
                kept += c.doneAt() != null && !c.doneAt().isAfter(c.dueBy()) ? 1 : 0;
            }
            if (c.ratedAt() != null && within(c.ratedAt(), since, until)) {
                rated++;
                yes += c.helped() ? 1 : 0;
            }
        }
        List<LoopFacts.Answer> reached = answers.stream().filter(a -> within(a.reachedAt(), since, until)).toList();
        List<Duration> waits = reached.stream().filter(a -> a.closedAt() != null)
                .map(a -> a.closedAt().isBefore(a.reachedAt()) ? Duration.ZERO
                        : Duration.between(a.reachedAt(), a.closedAt()))
                .sorted().toList();
        Map<String, Boolean> everyAnswerClosed = reached.stream().collect(Collectors.toMap(LoopFacts.Answer::checkInId,
                a -> a.closedAt() != null, Boolean::logicalAnd));
        int closedCheckIns = (int) everyAnswerClosed.values().stream().filter(b -> b).count();
        return new FollowThroughScore(Duration.between(since, until).toDays(), new Share(kept, due),
                new Replies(median(waits), waits.size(), reached.size() - waits.size()), new Share(yes, rated),
                new Share(closedCheckIns, everyAnswerClosed.size()));
    }

    /** The middle wait, or the mean of the two middle ones; null for none. */
    static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    private static boolean within(Instant at, Instant since, Instant until) {
        return !at.isBefore(since) && !at.isAfter(until);
    }

    /** The title, one line per figure and who sees it, in mrkdwn: for the leader's eyes only. */
    public String text() {
        return ScoreWording.text(this);
    }
}
