package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.model.Filters;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer neither acknowledged nor replied to for {@code alliance.loop.acknowledge-within}
 * (P2D) earns its leader one nudge, in the leader's working hours (Lee is in London, 09:00-18:00
 * MON-FRI) and not while they are away. Time starts Monday 2026-11-30 10:00 UTC.
 */
class ReplyNudgeTest extends TimedCheckInScenario {

    static final String NUDGE = "Only you see this nudge";

    @Autowired
    AnswerLoop loop;

    @Test
    void oneNudgeAfterTheWindowOnlyForAnswersLeftWithoutAcknowledgementOrReply() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> visibility:leader due:5d", 3);
        answer(id, "U0ALICE", "alice waits " + id);
        answer(id, "U0BOB", "bob is read " + id);
        answer(id, "U0CAROL", "carol is replied to " + id);
        // Bob's answer is acknowledged, Carol's replied to: neither loop is open.
        String bobShared = awaitShared(id, "U0BOB");
        requests.interaction(requests.blockAction(LEADER, AnswerButtons.ACKNOWLEDGE, id + ":U0BOB", "D" + LEADER,
                bobShared));
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> driver.response(id, "U0BOB").get("acknowledgedAt") != null);
        loop.replied(loop.forLeader(CheckInDriver.TEAM, id + ":U0CAROL", LEADER).orElseThrow());

        // An edit a day later doesn't plan a second nudge, nor move the first.
        advance(Duration.ofDays(1));
        answer(id, "U0ALICE", "alice edited, still waits " + id);
        Document job = job(ReplyNudgePlanner.ANSWER.key(id, "U0ALICE"));
        assertThat(dueAt(job)).isEqualTo(START.plus(Duration.ofDays(2)));
        assertThat(db.getCollection("jobs").countDocuments(Filters.and(Filters.eq("kind", "checkin.reply-nudge"),
                Filters.eq("data.checkInId", id), Filters.eq("data.userId", "U0ALICE")))).isEqualTo(1);

        // Not before the window has passed.
        advance(Duration.ofHours(23).plusMinutes(58));
        assertThat(nudges()).isEmpty();

        advance(Duration.ofMinutes(3));
        List<FakeSlack.Call> nudges = nudges();
        assertThat(nudges).hasSize(1);
        FakeSlack.Call nudge = nudges.get(0);
        assertThat(nudge.param("channel")).isEqualTo(LEADER);
        String said = CheckInDriver.said(nudge);
        assertThat(said).contains("<@U0ALICE> answered your check-in").contains(id)
                .contains(AnswerButtons.ACKNOWLEDGE).contains(AnswerButtons.REPLY)
                .doesNotContain("U0BOB").doesNotContain("U0CAROL");
        assertThat(said.indexOf(NUDGE)).as("who sees it comes first").isLessThan(said.indexOf("answered your"));

        // Never again, however long it stays open.
        advance(Duration.ofDays(3));
        assertThat(nudges()).hasSize(1);
        assertThat(job(ReplyNudgePlanner.ANSWER.key(id, "U0BOB")).getString("note")).contains("already read");
        assertThat(job(ReplyNudgePlanner.ANSWER.key(id, "U0CAROL")).getString("note")).contains("already read");
    }

    @Test
    void aNudgeDueOnTheWeekendWaitsForTheLeadersMonday() {
        // Friday 4 December, 16:00 in London: the window ends on Sunday afternoon.
        Instant friday = Instant.parse("2026-12-04T16:00:00Z");
        Instant londonMonday9am = Instant.parse("2026-12-07T09:00:00Z");
        setClock(friday);
        String id = driver.start("trust <@U0ALICE> <@U0BOB> visibility:leader due:7d", 2);
        answer(id, "U0ALICE", "friday answer " + id);

        setClock(friday.plus(Duration.ofDays(2)).plusSeconds(60));
        assertThat(nudges()).isEmpty();
        Document job = job(ReplyNudgePlanner.ANSWER.key(id, "U0ALICE"));
        assertThat(job.getString("status")).isEqualTo("PENDING");
        assertThat(dueAt(job)).isEqualTo(londonMonday9am);

        setClock(londonMonday9am.minusSeconds(60));
        assertThat(nudges()).isEmpty();
        setClock(londonMonday9am.plusSeconds(60));
        assertThat(nudges()).hasSize(1);
    }

    @Test
    void aSnoozedLeaderIsNudgedWhenBackInTheirHours() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> visibility:leader due:7d", 2);
        answer(id, "U0ALICE", "answer while the leader is away " + id);
        assertThat(ackText(driver.command(LEADER, "D" + LEADER, "snooze 3d"))).isNotBlank();
        Instant back = START.plus(Duration.ofDays(3));

        advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(nudges()).isEmpty();
        assertThat(dueAt(job(ReplyNudgePlanner.ANSWER.key(id, "U0ALICE")))).isEqualTo(back);

        setClock(back.minusSeconds(60));
        assertThat(nudges()).isEmpty();
        setClock(back.plusSeconds(60));
        assertThat(nudges()).hasSize(1);
    }

    @Test
    void anUnreadAnonymousSummaryEarnsOneNudgeThatNamesNobody() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> visibility:anonymous", 3);
        answer(id, "U0ALICE", "alice-anon-" + id);
        answer(id, "U0BOB", "bob-anon-" + id);
        answer(id, "U0CAROL", "carol-anon-" + id);
        driver.awaitStatus(id, "COMPLETED");
        assertThat(db.getCollection("jobs").countDocuments(Filters.eq("kind", "checkin.reply-nudge"))).isZero();

        advance(Duration.ofDays(2).plusMinutes(1));
        List<FakeSlack.Call> nudges = nudges();
        assertThat(nudges).hasSize(1);
        String said = CheckInDriver.said(nudges.get(0));
        assertThat(said).contains("anonymous summary").contains(id).contains(AnswerButtons.ACKNOWLEDGE_SUMMARY)
                .doesNotContain("U0ALICE").doesNotContain("U0BOB").doesNotContain("U0CAROL")
                .doesNotContain("anon-" + id);
        advance(Duration.ofDays(3));
        assertThat(nudges()).hasSize(1);
    }

    @Test
    void aReadSummaryEarnsNoNudge() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> visibility:anonymous", 3);
        answer(id, "U0ALICE", "a " + id);
        answer(id, "U0BOB", "b " + id);
        answer(id, "U0CAROL", "c " + id);
        driver.awaitStatus(id, "COMPLETED");
        requests.interaction(requests.blockAction(LEADER, AnswerButtons.ACKNOWLEDGE_SUMMARY, id, "D" + LEADER,
                "1700009999.000002"));
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> driver.response(id, "U0ALICE").get("acknowledgedAt") != null);

        advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(nudges()).isEmpty();
        assertThat(job(ReplyNudgePlanner.SUMMARY.key(id)).getString("note")).contains("already read");
    }

    private String awaitShared(String checkInId, String userId) {
        return org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> driver.response(checkInId, userId).getString("sharedTs"), ts -> ts != null);
    }

    private static List<FakeSlack.Call> nudges() {
        return calls("chat.postMessage", in(LEADER).and(saying(NUDGE)));
    }
}
