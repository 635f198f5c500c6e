package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the follow-through score reads of a leader's answers: only answered responses of their own
 * check-ins in the window, timed from when the leader could see them, closed by the earlier of
 * acknowledgement and reply; an anonymous check-in only once its summary reached the leader.
 */
class LoopFactsTest {

    private static final Instant T0 = Instant.parse("2025-01-06T09:00:00Z");
    private static final Instant SINCE = T0.minus(Duration.ofDays(30));
    private static final Instant UNTIL = T0.plus(Duration.ofDays(30));

    private TestCheckIns data;
    private LoopFacts facts;

    @BeforeEach
    void database() {
        data = new TestCheckIns(InMemoryMongo.freshDatabase());
        facts = new LoopFacts(data.checkIns, data.responses);
    }

    private CheckIn stored(TestCheckIns.Builder builder) {
        return data.store(builder.build());
    }

    private void answer(String checkInId, String userId, Instant at) {
        data.answer(checkInId, userId, Map.of("how", userId + " is fine"), at);
    }

    private void end(CheckIn c, Instant at) {
        data.checkIns.endIfOpen(c.ended(CheckInStatus.COMPLETED, at)).orElseThrow();
    }

    private List<LoopFacts.Answer> answers() {
        return facts.answersTo(TestCheckIns.TEAM, TestCheckIns.LEADER, SINCE, UNTIL).stream()
                .sorted(Comparator.comparing(LoopFacts.Answer::checkInId).thenComparing(LoopFacts.Answer::reachedAt))
                .toList();
    }

    @Test
    void anAnswerIsClosedByTheEarlierOfAcknowledgementAndReplyAndAPendingOneIsLeftOut() {
        stored(TestCheckIns.checkIn("LEAD01").participants("U0ANN", "U0BOB", "U0CAT").createdAt(T0));
        answer("LEAD01", "U0ANN", T0.plusSeconds(60));
        answer("LEAD01", "U0BOB", T0.plusSeconds(120));
        data.responses.replied(Response.idOf("LEAD01", "U0ANN"), T0.plusSeconds(900));
        data.responses.acknowledged(Response.idOf("LEAD01", "U0ANN"), T0.plusSeconds(600));

        assertThat(answers()).containsExactly(
                new LoopFacts.Answer("LEAD01", T0.plusSeconds(60), T0.plusSeconds(600)),
                new LoopFacts.Answer("LEAD01", T0.plusSeconds(120), null));
    }

    @Test
    void anAnonymousCheckInCountsOnlyOnceItsSummaryReachedTheLeaderTimedFromItsEnd() {
        CheckIn open = stored(TestCheckIns.checkIn("ANON01").visibility(Visibility.ANONYMOUS).anonymousThreshold(2)
                .participants("U0ANN", "U0BOB").createdAt(T0));
        answer("ANON01", "U0ANN", T0.plusSeconds(60));
        answer("ANON01", "U0BOB", T0.plusSeconds(120));
        assertThat(answers()).as("still open: no summary yet, nothing to acknowledge").isEmpty();

        Instant ended = T0.plus(Duration.ofDays(1));
        end(open, ended);
        CheckIn few = stored(TestCheckIns.checkIn("ANON02").visibility(Visibility.ANONYMOUS).anonymousThreshold(2)
                .participants("U0ANN", "U0BOB").createdAt(T0));
        answer("ANON02", "U0ANN", T0.plusSeconds(60));
        end(few, ended);
        data.responses.acknowledged(Response.idOf("ANON01", "U0ANN"), ended.plusSeconds(3600));

        assertThat(answers()).as("below its threshold no summary was shown, so it is left out; "
                        + "the author's own answer time is never used")
                .containsExactly(new LoopFacts.Answer("ANON01", ended, ended.plusSeconds(3600)),
                        new LoopFacts.Answer("ANON01", ended, null));
    }

    @Test
    void onlyTheLeadersOwnCheckInsStartedInTheWindowInTheirWorkspace() {
        stored(TestCheckIns.checkIn("OLD001").createdAt(SINCE.minusSeconds(1)));
        answer("OLD001", "U0ANN", SINCE.plusSeconds(60));
        CheckIn other = new CheckIn("OTHER1", TestCheckIns.TEAM, "U0OTHER", "trust", "Trust", "", List.of(TestCheckIns.HOW),
                List.of("U0ANN"), "C0TEAM", null, null, Visibility.LEADER, 3, T0.plusSeconds(3600), T0,
                CheckInStatus.OPEN, null, null, null);
        data.store(other);
        answer("OTHER1", "U0ANN", T0.plusSeconds(60));
        stored(TestCheckIns.checkIn("EDGE01").createdAt(SINCE));
        answer("EDGE01", "U0ANN", SINCE.plusSeconds(60));

        assertThat(answers()).extracting(LoopFacts.Answer::checkInId).containsExactly("EDGE01");
        assertThat(facts.answersTo("T9", TestCheckIns.LEADER, SINCE, UNTIL)).isEmpty();
    }
}
