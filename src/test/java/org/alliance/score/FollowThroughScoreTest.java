package org.alliance.score;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.alliance.checkin.LoopFacts;
import org.alliance.commitments.CommitmentFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The score's maths: which commitments and answers count, medians, window edges, and no data. */
class FollowThroughScoreTest {

    private static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    private static final Instant SINCE = NOW.minus(Duration.ofDays(90));

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static CommitmentFacts.Fact commitment(Instant dueBy, Instant doneAt) {
        return new CommitmentFacts.Fact(dueBy, doneAt, null, false);
    }

    private static CommitmentFacts.Fact rated(Instant ratedAt, boolean helped) {
        return new CommitmentFacts.Fact(daysAgo(200), daysAgo(200), ratedAt, helped);
    }

    private static LoopFacts.Answer answer(String checkInId, Instant reachedAt, Duration waited) {
        return new LoopFacts.Answer(checkInId, reachedAt, waited == null ? null : reachedAt.plus(waited));
    }

    private static FollowThroughScore score(List<CommitmentFacts.Fact> commitments, List<LoopFacts.Answer> answers) {
        return FollowThroughScore.of(commitments, answers, SINCE, NOW);
    }

    @Test
    void withNoDataEveryFigureSaysSoInsteadOfZeroPercent() {
        FollowThroughScore s = score(List.of(), List.of());

        assertThat(s.onTime()).isEqualTo(new FollowThroughScore.Share(0, 0));
        assertThat(s.replies()).isEqualTo(new FollowThroughScore.Replies(null, 0, 0));
        assertThat(s.helped().of()).isZero();
        assertThat(s.loopsClosed().of()).isZero();
        assertThat(s.days()).isEqualTo(90);
        assertThat(s.text()).contains("No commitments due in the last 90 days.")
                .contains("No answers to your check-ins in the last 90 days.")
                .contains("Nobody answered \"Did it help?\" in the last 90 days.")
                .contains("No answered check-ins in the last 90 days.")
                .contains("Only you see this. It's never shown to anyone else or compared with other leaders.")
                .doesNotContain("%").doesNotContain(" 0 of ");
    }

    @Test
    void aCommitmentDoneByTheEndOfItsDueDateIsOnTimeAndOneDoneAfterIsLate() {
        Instant due = daysAgo(10);
        FollowThroughScore s = score(List.of(
                commitment(due, due),                              // done at the very last moment: on time
                commitment(due, due.minus(Duration.ofDays(2))),    // early
                commitment(due, due.plusSeconds(1)),               // a second late
                commitment(due, null)), List.of());                // never done, and due has passed

        assertThat(s.onTime()).isEqualTo(new FollowThroughScore.Share(2, 4));
        assertThat(s.text()).contains("*Commitments done by their due date:* 2 of 4");
    }

    @Test
    void anOpenCommitmentNotYetDueCountsForNothingButOneDoneEarlyCountsAsKept() {
        FollowThroughScore s = score(List.of(
                commitment(NOW.plus(Duration.ofDays(3)), null),
                commitment(NOW.plus(Duration.ofDays(3)), daysAgo(1))), List.of());

        assertThat(s.onTime()).isEqualTo(new FollowThroughScore.Share(1, 1));
    }

    @Test
    void aCommitmentCountsWhenItFellDueInsideTheWindowEdgesIncluded() {
        FollowThroughScore s = score(List.of(
                commitment(SINCE, null),                           // fell due exactly at the start: counts
                commitment(SINCE.minusSeconds(1), null),           // just before: not this window's
                commitment(SINCE.minusSeconds(1), SINCE.plus(Duration.ofDays(5))), // done late, due before: not counted
                commitment(NOW, NOW),                              // due and done right now: counts, kept
                commitment(NOW.plusSeconds(1), null)), List.of()); // due in a second: not yet

        assertThat(s.onTime()).isEqualTo(new FollowThroughScore.Share(1, 2));
    }

    @Test
    void didItHelpCountsYesOfEveryAnswerGivenInTheWindow() {
        FollowThroughScore s = score(List.of(rated(daysAgo(3), true), rated(daysAgo(4), true),
                rated(daysAgo(5), false), rated(SINCE, true), rated(SINCE.minusSeconds(1), true),
                new CommitmentFacts.Fact(daysAgo(20), daysAgo(21), null, false)), List.of());

        assertThat(s.helped()).isEqualTo(new FollowThroughScore.Share(3, 4));
        assertThat(s.text()).contains("*\"Did it help?\" answered yes:* 3 of 4");
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleWait() {
        FollowThroughScore s = score(List.of(), List.of(
                answer("A", daysAgo(10), Duration.ofHours(9)),
                answer("A", daysAgo(10), Duration.ofHours(1)),
                answer("B", daysAgo(9), Duration.ofHours(5))));

        assertThat(s.replies()).isEqualTo(new FollowThroughScore.Replies(Duration.ofHours(5), 3, 0));
        assertThat(s.text()).contains("median 5 h, over 3 answers").doesNotContain("waiting");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleWaits() {
        FollowThroughScore s = score(List.of(), List.of(
                answer("A", daysAgo(10), Duration.ofHours(1)),
                answer("A", daysAgo(10), Duration.ofHours(4)),
                answer("B", daysAgo(9), Duration.ofHours(6)),
                answer("B", daysAgo(9), Duration.ofDays(30)),
                answer("C", daysAgo(2), null)));

        assertThat(s.replies()).isEqualTo(new FollowThroughScore.Replies(Duration.ofHours(5), 4, 1));
        assertThat(s.text()).contains("median 5 h, over 4 answers · 1 answer is still waiting for you");
    }

    @Test
    void anAcknowledgementBeforeALaterEditOfTheAnswerCountsAsNoWait() {
        Instant edited = daysAgo(3);
        FollowThroughScore s = score(List.of(), List.of(
                new LoopFacts.Answer("A", edited, edited.minus(Duration.ofHours(2)))));

        assertThat(s.replies().median()).isEqualTo(Duration.ZERO);
    }

    @Test
    void answersWaitingWithNoneClosedSayHowManyWait() {
        FollowThroughScore s = score(List.of(), List.of(answer("A", daysAgo(1), null), answer("A", daysAgo(1), null)));

        assertThat(s.replies()).isEqualTo(new FollowThroughScore.Replies(null, 0, 2));
        assertThat(s.text()).contains("none acknowledged or replied to yet · 2 answers are still waiting for you");
        assertThat(s.loopsClosed()).isEqualTo(new FollowThroughScore.Share(0, 1));
    }

    @Test
    void aCheckInsLoopIsClosedOnlyWhenEveryAnswerIsAcknowledgedOrRepliedTo() {
        FollowThroughScore s = score(List.of(), List.of(
                answer("A", daysAgo(10), Duration.ofHours(1)),
                answer("A", daysAgo(10), Duration.ofHours(2)),
                answer("B", daysAgo(9), Duration.ofHours(1)),
                answer("B", daysAgo(9), null),
                answer("C", daysAgo(5), Duration.ofMinutes(3))));

        assertThat(s.loopsClosed()).isEqualTo(new FollowThroughScore.Share(2, 3));
        assertThat(s.text()).contains("*Check-ins where you closed the loop on every answer:* 2 of 3 check-ins");
    }

    @Test
    void answersThatReachedTheLeaderOutsideTheWindowAreLeftOut() {
        FollowThroughScore s = score(List.of(), List.of(
                answer("A", SINCE.minusSeconds(1), Duration.ofHours(1)),
                answer("B", SINCE, Duration.ofHours(3))));

        assertThat(s.replies()).isEqualTo(new FollowThroughScore.Replies(Duration.ofHours(3), 1, 0));
        assertThat(s.loopsClosed()).isEqualTo(new FollowThroughScore.Share(1, 1));
        assertThat(s.text()).contains("over 1 answer\n").contains("1 of 1 check-in\n");
    }

    @Test
    void waitsReadAsAPersonWouldSayThem() {
        assertThat(ScoreWording.duration(Duration.ofSeconds(20))).isEqualTo("under a minute");
        assertThat(ScoreWording.duration(Duration.ofMinutes(42))).isEqualTo("42 min");
        assertThat(ScoreWording.duration(Duration.ofMinutes(59).plusSeconds(40))).isEqualTo("1 h");
        assertThat(ScoreWording.duration(Duration.ofHours(5).plusMinutes(20))).isEqualTo("5 h");
        assertThat(ScoreWording.duration(Duration.ofHours(47))).isEqualTo("47 h");
        assertThat(ScoreWording.duration(Duration.ofHours(60))).isEqualTo("3 days");
        assertThat(ScoreWording.duration(Duration.ofDays(9))).isEqualTo("9 days");
    }
}
