package org.alliance.checkin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stopping a check-in, and everything people may not do. */
class StopAndRefusalTest extends CheckInScenario {

    @Test
    void onlyTheLeaderMayStopAndStoppingKeepsAnswersAndTellsEveryone() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL>", 3);
        String parentTs = parentTs(id);
        String alice = "Kept after stop " + id;
        driver.submitAnswers("U0ALICE", id, Map.of("important", alice));
        awaitAnswerShownInDm(id, "U0ALICE", alice);
        // The answer's follow-up ends by updating the parent; only then is Slack quiet about this check-in.
        awaitCall("chat.update", in("C0TEAM").and(c -> parentTs.equals(c.param("ts"))).and(saying("1 of 3 answered")));

        // Someone else may not stop it.
        int before = slack.calls().size();
        String refusal = ackText(driver.command("U0BOB", "C0TEAM", "stop " + id));
        assertThat(refusal).contains("Only <@" + LEADER + ">").contains(id).contains("can stop it");
        assertThat(driver.checkIn(id).getString("status")).isEqualTo("OPEN");
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> callsSince(before).stream()
                .noneMatch(saying(id)));

        // The leader may; the id is not case-sensitive.
        String stopped = ackText(driver.command(LEADER, "C0TEAM", "stop " + id.toLowerCase()));
        assertThat(stopped).contains(id).contains("stopped").contains("1 of 3 answered");
        driver.awaitStatus(id, "STOPPED");
        assertThat(driver.checkIn(id).get("closedAt")).isNotNull();

        // Answers are kept; the pending stay pending (they did not miss a deadline).
        assertThat(driver.response(id, "U0ALICE").getString("status")).isEqualTo("ANSWERED");
        assertThat(answers(id, "U0ALICE")).containsEntry("important", alice);
        assertThat(driver.response(id, "U0BOB").getString("status")).isEqualTo("PENDING");

        // The parent says stopped, and each one still waiting has their DM updated in place.
        awaitCall("chat.update", in("C0TEAM").and(c -> parentTs.equals(c.param("ts"))).and(saying("Stopped")));
        for (String person : List.of("U0BOB", "U0CAROL")) {
            Document r = driver.response(id, person);
            FakeSlack.Call dm = awaitCall("chat.update", in(r.getString("dmChannelId"))
                    .and(c -> r.getString("dmTs").equals(c.param("ts"))));
            assertThat(CheckInDriver.said(dm)).contains("stopped this check-in").contains("no answer needed")
                    .doesNotContain("checkin_answer");
            assertThat(invitations(id, person)).hasSize(1);
        }
        FakeSlack.Call summary = awaitCall("chat.postMessage", in(LEADER).and(saying(id, "has been stopped")));
        assertThat(CheckInDriver.said(summary)).contains("Their answers are in");

        // Stopping again says it has already ended, and changes nothing.
        String again = ackText(driver.command(LEADER, "C0TEAM", "stop " + id));
        assertThat(again).contains(id).contains("already").contains("stopped");
        assertThat(driver.checkIn(id).getString("status")).isEqualTo("STOPPED");
    }

    @Test
    void someoneNotAskedCannotOpenTheModal() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);

        assertThat(driver.click("U0DAN", CheckInInteractions.ANSWER, id).statusCode()).isEqualTo(200);

        FakeSlack.Call told = awaitCall("chat.postEphemeral", c -> "U0DAN".equals(c.param("user")));
        assertThat(told.param("channel")).isEqualTo("DU0DAN");
        assertThat(told.param("text")).contains(id).contains("wasn't sent to you");
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(responsesOf(id, "U0DAN")).isZero();
    }

    @Test
    void aStoppedCheckInRefusesTheAnswerButtonAndTheModal() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "stop " + id))).contains("stopped");
        driver.awaitStatus(id, "STOPPED");
        // Nobody answered, so the leader's summary points at no thread of answers.
        FakeSlack.Call summary = awaitCall("chat.postMessage", in(LEADER).and(saying(id, "has been stopped")));
        assertThat(CheckInDriver.said(summary)).doesNotContain("Their answers are in").contains("The check-in thread");

        assertThat(driver.click("U0ALICE", CheckInInteractions.ANSWER, id).statusCode()).isEqualTo(200);
        FakeSlack.Call told = awaitCall("chat.postEphemeral", c -> "U0ALICE".equals(c.param("user")));
        assertThat(told.param("text")).contains(id).contains("been stopped");
        assertThat(slack.calls("views.open")).isEmpty();

        // A modal opened before the stop and submitted after it is refused inside the modal.
        JsonObject errors = viewErrors(driver.submitAnswers("U0BOB", id, Map.of("important", "Too late " + id)));
        assertThat(errors.toString()).contains("been stopped");
        assertThat(driver.response(id, "U0BOB").getString("status")).isEqualTo("PENDING");
        assertThat(answers(id, "U0BOB")).isEmpty();
        assertThat(slack.calls()).noneSatisfy(c -> assertThat(CheckInDriver.said(c)).contains("Too late " + id));
    }

    @Test
    void aThreadReplyAfterAnsweringByModalPointsToEditAndChangesNothing() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        String answer = "By modal " + id;
        driver.submitAnswers("U0ALICE", id, Map.of("important", answer));
        driver.awaitResponseStatus(id, "U0ALICE", "ANSWERED");
        Document before = driver.response(id, "U0ALICE");

        driver.replyInThread(id, "U0ALICE", "Changed my mind " + id);

        FakeSlack.Call reply = awaitCall("chat.postMessage", in(before.getString("dmChannelId"))
                .and(c -> before.getString("dmTs").equals(c.param("thread_ts"))));
        assertThat(reply.param("text")).contains("already answered").contains("*Edit*");
        Document after = driver.response(id, "U0ALICE");
        assertThat(after.get("answers", Document.class)).isEqualTo(before.get("answers", Document.class));
        assertThat(after.getString("status")).isEqualTo("ANSWERED");
        assertThat(after.getInteger("threadNext")).isEqualTo(before.getInteger("threadNext"));
        assertThat(slack.calls()).noneSatisfy(c -> assertThat(CheckInDriver.said(c)).contains("Changed my mind " + id));
    }
}
