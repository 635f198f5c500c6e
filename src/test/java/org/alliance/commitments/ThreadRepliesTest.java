package org.alliance.commitments;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies in the threads of the bot's DMs that hold no check-in answer: the leader's answers thread,
 * commitment messages and "Did it help?". Each gets a meaning or a pointer in that thread, never silence.
 */
class ThreadRepliesTest extends AllianceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALICE = "U0ALICE";

    @Autowired
    MongoDatabase db;

    CheckInDriver driver;

    @BeforeEach
    void driver() {
        driver = new CheckInDriver(slack, requests, db);
    }

    @Test
    void everyReplyInABotThreadGetsAMeaningOrAPointer() {
        String checkInId = driver.start("development <@U0ALICE|alice> <@U0BOB|bob> <#C0TEAM|team> visibility:leader", 2);
        assertThat(driver.submitAnswers(ALICE, checkInId, Map.of("aspirations", "Lead", "help", "Time")).statusCode())
                .isEqualTo(200);
        driver.awaitResponseStatus(checkInId, ALICE, "ANSWERED");

        // The message announcing the leader's answers: replies there reach nobody, and the leader is told what does.
        Document checkIn = driver.checkIn(checkInId);
        String leaderDm = checkIn.getString("leaderChannelId");
        String leaderThread = checkIn.getString("leaderThreadTs");
        assertThat(leaderThread).isNotNull();
        await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> leaderDm.equals(c.param("channel")) && CheckInDriver.said(c).contains("Lead")));
        FakeSlack.Call pointer = reply(LEADER, leaderDm, leaderThread, "Thanks Alice!");
        assertThat(pointer.param("text")).contains("aren't sent to anyone").contains("*Follow up*").contains(checkInId);

        // A commitment: the leader's confirmation thread points at Mark done, the member's at the leader.
        assertThat(driver.submitCommitment(LEADER, checkInId, ALICE, "Book a lunch", LocalDate.now(clock).plusDays(3))
                .statusCode()).isEqualTo(200);
        String commitmentId = await().atMost(WAIT).until(() -> db.getCollection("commitments")
                .find(Filters.eq("commitment.checkInId", checkInId)).first(), d -> d != null).getString("_id");
        Document confirmation = awaitThread(commitmentId, "LEADER");
        assertThat(reply(LEADER, "DU0LEADER", ts(confirmation), "will do").param("text"))
                .contains("aren't sent to anyone").contains("*Mark done*").contains("/alliance commitments");
        Document notice = awaitThread(commitmentId, "MEMBER");
        assertThat(reply(ALICE, "DU0ALICE", ts(notice), "thank you!").param("text"))
                .contains("aren't sent to <@" + LEADER + ">").contains("/alliance commitments");

        // "Did it help?": anything else gets the buttons pointed out; a plain answer is taken as the answer.
        requests.interaction(requests.blockAction(LEADER, CommitmentButtons.DONE, commitmentId, "DU0LEADER",
                "1700000999.000100"));
        Document ask = awaitThread(commitmentId, "ASK_HELPED");
        assertThat(reply(ALICE, "DU0ALICE", ts(ask), "hmm, let me think").param("text"))
                .contains("*Yes*").contains("`somewhat`");
        assertThat(commitment(commitmentId).get("helped")).isNull();
        assertThat(reply(ALICE, "DU0ALICE", ts(ask), "Somewhat.").param("text"))
                .contains("<@" + LEADER + ">").contains("*Somewhat*");
        assertThat(commitment(commitmentId).getString("helped")).isEqualTo("SOMEWHAT");
        await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").stream()
                .anyMatch(c -> LEADER.equals(c.param("channel")) && CheckInDriver.said(c).contains("*Somewhat*")));
        assertThat(reply(ALICE, "DU0ALICE", ts(ask), "no").param("text")).contains("already answered *Somewhat*");
        assertThat(commitment(commitmentId).getString("helped")).isEqualTo("SOMEWHAT");
    }

    @Test
    void aReplyInAnyOtherThreadOfTheBotsIsPointedToWhereAnswersGo() {
        FakeSlack.Call pointer = reply("U0DAN", "DU0DAN", "1600000000.000100", "hello?");
        assertThat(pointer.param("text")).contains("aren't sent to anyone").contains("*Answer*")
                .contains("/alliance list");
    }

    /** Sends a reply in the DM thread and returns the bot's answer in that same thread. */
    private FakeSlack.Call reply(String userId, String channelId, String threadTs, String text) {
        int before = slack.calls("chat.postMessage").size();
        requests.event(requests.imMessage(userId, channelId, text, threadTs));
        Predicate<FakeSlack.Call> inThread = c -> channelId.equals(c.param("channel"))
                && threadTs.equals(c.param("thread_ts"));
        return await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").stream().skip(before)
                .filter(inThread).findFirst().orElse(null), c -> c != null);
    }

    private Document awaitThread(String commitmentId, String kind) {
        return await().atMost(WAIT).until(() -> db.getCollection("commitment_threads")
                .find(Filters.and(Filters.eq("commitmentId", commitmentId), Filters.eq("kind", kind))).first(),
                d -> d != null);
    }

    private static String ts(Document thread) {
        String key = thread.getString("_id");
        return key.substring(key.lastIndexOf(':') + 1);
    }

    private Document commitment(String id) {
        return await().atMost(WAIT).until(() -> db.getCollection("commitments").find(Filters.eq("_id", id)).first(),
                d -> d != null).get("commitment", Document.class);
    }
}
