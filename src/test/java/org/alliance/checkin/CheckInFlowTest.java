package org.alliance.checkin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A whole check-in, through signed Slack requests, the real Bolt app, MongoDB and the fake Slack. */
class CheckInFlowTest extends AllianceIntegrationTest {

    @Autowired
    MongoDatabase db;

    CheckInDriver driver;

    @BeforeEach
    void driver() {
        driver = new CheckInDriver(slack, requests, db);
    }

    @Test
    void threePeopleAnswerByModalByThreadAndBySkippingAndTheLeaderGetsTheSummary() {
        String id = driver.start("trust <@U0ALICE|alice> <@U0BOB|bob> <@U0CAROL|carol> <#C0TEAM|team>", 3);

        // The parent message went to the channel, each person got a DM straight to their user id.
        assertThat(slack.calls("chat.postMessage")).anySatisfy(c -> {
            assertThat(c.param("channel")).isEqualTo("C0TEAM");
            assertThat(CheckInDriver.said(c)).contains(id).contains("0 of 3 answered");
        });
        for (String person : List.of("U0ALICE", "U0BOB", "U0CAROL")) {
            assertThat(slack.calls("chat.postMessage")).filteredOn(c -> person.equals(c.param("channel"))).hasSize(1);
        }
        assertThat(slack.calls("conversations.open")).isEmpty();
        assertThat(driver.checkIn(id).getString("teamId")).isEqualTo("T0001");

        // Alice answers in the modal.
        assertThat(driver.click("U0ALICE", "checkin_answer", id).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("views.open").isEmpty());
        assertThat(slack.calls("views.open").get(0).param("view")).contains("q:important").contains("checkin_answer_submit");
        assertThat(driver.submitAnswers("U0ALICE", id, Map.of("important", "Autonomy and trust", "openness", "4"))
                .statusCode()).isEqualTo(200);
        driver.awaitResponseStatus(id, "U0ALICE", "ANSWERED");

        // Bob answers in his DM thread, one question at a time, skipping one.
        driver.replyInThread(id, "U0BOB", "Learning every day");
        awaitThreadProgress(id, "U0BOB", 1);
        driver.replyInThread(id, "U0BOB", "skip");
        awaitThreadProgress(id, "U0BOB", 2);
        driver.replyInThread(id, "U0BOB", "Straight, in private");
        awaitThreadProgress(id, "U0BOB", 3);
        driver.replyInThread(id, "U0BOB", "5");
        driver.awaitResponseStatus(id, "U0BOB", "ANSWERED");
        assertThat(driver.response(id, "U0BOB").get("answers", org.bson.Document.class))
                .containsEntry("important", "Learning every day")
                .containsEntry("feedback", "Straight, in private")
                .containsEntry("openness", "5")
                .doesNotContainKey("managed");

        // Carol says not now, with a reason.
        driver.click("U0CAROL", "checkin_skip", id);
        assertThat(driver.submitSkip("U0CAROL", id, "On leave this week").statusCode()).isEqualTo(200);

        driver.awaitStatus(id, "COMPLETED");
        FakeSlack.Call summary = await().atMost(Duration.ofSeconds(20)).until(() -> slack.calls("chat.postMessage")
                .stream().filter(c -> LEADER.equals(c.param("channel")))
                .filter(c -> CheckInDriver.said(c).contains("On leave this week"))
                .findFirst().orElse(null), c -> c != null);
        String said = CheckInDriver.said(summary);
        assertThat(said).contains("<@U0ALICE>").contains("<@U0BOB>").contains("<@U0CAROL>");
        // The parent message says it is complete.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(slack.calls("chat.update"))
                .anySatisfy(c -> {
                    assertThat(c.param("channel")).isEqualTo("C0TEAM");
                    assertThat(CheckInDriver.said(c).toLowerCase()).contains("complete");
                }));
        // Leader-only: no answer text ever reached the channel.
        String inChannel = CheckInDriver.everythingSaid(slack.calls().stream()
                .filter(c -> "C0TEAM".equals(c.param("channel"))).toList());
        assertThat(inChannel).doesNotContain("Autonomy and trust").doesNotContain("Learning every day");
        // ...and both answers reached the leader.
        String toLeader = CheckInDriver.everythingSaid(slack.calls().stream()
                .filter(c -> c.param("channel") != null && c.param("channel").contains(LEADER)).toList());
        assertThat(toLeader).contains("Autonomy and trust").contains("Learning every day");
    }

    private void awaitThreadProgress(String id, String userId, int next) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(driver.response(id, userId).getInteger("threadNext")).isEqualTo(next));
    }
}
