package org.alliance.commitments;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.alliance.schedule.DueJobs;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.alliance.checkin.FollowUpButton;
import org.springframework.context.ApplicationContext;

import static org.alliance.support.Acks.viewErrors;
import static org.alliance.support.Acks.ackJson;
import static org.alliance.support.Acks.ackText;
import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Following up an answer: commit, be reminded, mark done, hear whether it helped. Through real requests. */
class CommitmentFlowTest extends AllianceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALICE = "U0ALICE";
    private static final String BOB = "U0BOB";
    private static final ZoneId LEADER_ZONE = ZoneId.of("Europe/London");

    @Autowired
    MongoDatabase db;

    @Autowired
    ApplicationContext context;

    @Autowired
    Commitments commitments;

    CheckInDriver driver;

    @BeforeEach
    void driver() {
        driver = new CheckInDriver(slack, requests, db);
    }

    @Test
    void theLeaderCommitsIsRemindedMarksItDoneAndHearsWhetherItHelped() {
        String checkInId = driver.start("development <@U0ALICE|alice> <@U0BOB|bob> <#C0TEAM|team> visibility:leader", 2);
        answer(checkInId, ALICE, Map.of("aspirations", "Lead a team", "help", "More time with <the> senior team"));

        // The answer reaches the leader's DM thread with a Follow up button for Alice.
        FakeSlack.Call shared = awaitCall("chat.postMessage", c -> c.param("channel").contains(LEADER)
                && said(c).contains("Lead a team"));
        assertThat(said(shared)).contains("\"action_id\":\"commitment_add\"")
                .contains("\"value\":\"" + checkInId + ":" + ALICE + "\"");

        // Bob may not follow up Alice's answer: told so privately, and no form opens.
        int formsBefore = slack.calls("views.open").size();
        click(BOB, FollowUpButton.ACTION_ID, checkInId + ":" + ALICE, "DU0BOB");
        awaitCall("chat.postEphemeral", c -> BOB.equals(c.param("user")) && said(c).contains("Only <@" + LEADER + ">"));
        assertThat(slack.calls("views.open")).hasSize(formsBefore);

        // The leader's click opens the form, with Alice's "how can I help" answer beside it.
        LocalDate today = LocalDate.now(clock.withZone(LEADER_ZONE));
        click(LEADER, FollowUpButton.ACTION_ID, checkInId + ":" + ALICE, "DU0LEADER");
        FakeSlack.Call form = await().atMost(WAIT).until(() -> slack.calls("views.open").size() > formsBefore
                ? slack.calls("views.open").get(formsBefore) : null, c -> c != null);
        assertThat(said(form)).contains("\"callback_id\":\"commitment_submit\"")
                .contains("\"private_metadata\":\"" + checkInId + ":" + ALICE + "\"")
                .contains("What will you do for Alice?")
                .contains("More time with &lt;the&gt; senior team")
                .contains("\"initial_date\":\"" + today.plusDays(7) + "\"");

        // Nothing to do, or a day gone by, is sent back to the form.
        JsonObject errors = viewErrors(submit(LEADER, checkInId, ALICE, "   ", today.minusDays(1)));
        assertThat(errors.keySet()).containsExactlyInAnyOrder("commitment_text", "commitment_due");
        assertThat(commitmentsFor(checkInId)).isEmpty();

        // A good one is stored, and both sides are told in their DMs only.
        String what = "Book a monthly lunch with the senior team <!channel>";
        LocalDate due = today.plusDays(3);
        int callsBefore = slack.calls().size();
        assertThat(ackJson(submit(LEADER, checkInId, ALICE, what, due)).has("response_action")).isFalse();
        Document stored = await().atMost(WAIT).until(() -> commitmentsFor(checkInId), l -> l.size() == 1).get(0);
        String id = stored.getString("_id");
        Document doc = stored.get("commitment", Document.class);
        assertThat(doc.getString("teamId")).isEqualTo(FakeSlack.TEAM_ID);
        assertThat(doc.getString("leaderId")).isEqualTo(LEADER);
        assertThat(doc.getString("memberId")).isEqualTo(ALICE);
        assertThat(doc.getString("checkInId")).isEqualTo(checkInId);
        assertThat(doc.getString("text")).isEqualTo(what);
        assertThat(doc.getString("status")).isEqualTo("OPEN");
        assertThat(doc.get("helped")).isNull();
        Instant dueAt = due.atTime(17, 0).atZone(LEADER_ZONE).toInstant();
        assertThat(doc.getDate("dueAt").toInstant()).isEqualTo(dueAt);
        assertThat(commitments.openForCheckIn(FakeSlack.TEAM_ID, checkInId)).extracting(Commitment::id).containsExactly(id);

        FakeSlack.Call confirmation = awaitCall("chat.postMessage", in(LEADER).and(saying("You committed to <@U0ALICE>")));
        assertThat(said(confirmation)).contains("\"action_id\":\"commitment_done\"").contains("\"value\":\"" + id + "\"")
                .contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        FakeSlack.Call toAlice = awaitCall("chat.postMessage", in(ALICE).and(saying("<@" + LEADER + "> committed to:")));
        assertThat(said(toAlice)).contains("Book a monthly lunch").contains("&lt;!channel&gt;")
                .doesNotContain("<!channel>").contains(CommitmentMessages.day(due));
        await().atMost(WAIT).until(() -> slack.calls().size() >= callsBefore + 2);
        assertThat(CheckInDriver.everythingSaid(callsSince(callsBefore).stream()
                .filter(call -> !ownDm(call, LEADER) && !ownDm(call, ALICE)).toList()))
                .as("nobody else hears of it").doesNotContain("Book a monthly lunch");

        // Two reminders are on the schedule: the day before, and at five on the day.
        List<Document> jobs = reminderJobs(id);
        assertThat(jobs).extracting(j -> j.getString("_id"))
                .containsExactlyInAnyOrder("commitment.remind:" + id + ":before", "commitment.remind:" + id + ":due");
        assertThat(jobs).extracting(j -> j.getDate("dueAt").toInstant())
                .containsExactlyInAnyOrder(dueAt.minus(Duration.ofDays(1)), dueAt);
        assertThat(jobs).extracting(j -> j.getString("teamId")).containsOnly(FakeSlack.TEAM_ID);

        // Both sides see it in /alliance commitments; nobody else does.
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "commitments")))
                .contains("To <@U0ALICE>: Book a monthly lunch with the senior team &lt;!channel&gt;")
                .contains(checkInId).contains(CommitmentMessages.day(due));
        assertThat(ackText(driver.command(ALICE, "C0TEAM", "commitments")))
                .contains("By <@" + LEADER + ">: Book a monthly lunch").contains(CommitmentMessages.day(due));
        assertThat(ackText(driver.command(BOB, "C0TEAM", "commitments"))).doesNotContain("Book a monthly lunch");

        // The day before, the leader is reminded, with Mark done at hand.
        makeDue("commitment.remind:" + id + ":before");
        DueJobs.runNow(context);
        FakeSlack.Call reminder = awaitCall("chat.postMessage", in(LEADER).and(saying("Coming up", id)));
        assertThat(said(reminder)).contains("\"action_id\":\"commitment_done\"").contains("<@U0ALICE>");
        awaitJobStatus("commitment.remind:" + id + ":before", "DONE");

        // Mark done: stored, the leader's message shows it, and Alice is asked whether it helped.
        click(LEADER, CommitmentButtons.DONE, id, "DU0LEADER", "1700000999.000100");
        await().atMost(WAIT).until(() -> "DONE".equals(commitment(id).getString("status")));
        assertThat(commitment(id).getDate("doneAt")).isNotNull();
        awaitCall("chat.update", c -> "DU0LEADER".equals(c.param("channel"))
                && "1700000999.000100".equals(c.param("ts")) && said(c).contains("Done"));
        FakeSlack.Call ask = awaitCall("chat.postMessage", in(ALICE).and(saying("marked this done", "Did it help?")));
        assertThat(said(ask)).contains("\"value\":\"" + id + ":YES\"").contains("\"value\":\"" + id + ":SOMEWHAT\"")
                .contains("\"value\":\"" + id + ":NO\"").doesNotContain("<!channel>");
        assertThat(commitments.openForCheckIn(FakeSlack.TEAM_ID, checkInId)).isEmpty();

        // A second click changes nothing, and says so kindly.
        click(LEADER, CommitmentButtons.DONE, id, "DU0LEADER");
        awaitCall("chat.postEphemeral", c -> LEADER.equals(c.param("user")) && said(c).contains("Already done"));
        assertThat(slack.calls("chat.postMessage").stream().filter(in(ALICE).and(saying("Did it help?")))).hasSize(1);

        // The reminder on the day is no longer needed.
        makeDue("commitment.remind:" + id + ":due");
        DueJobs.runNow(context);
        awaitJobStatus("commitment.remind:" + id + ":due", "DONE");
        assertThat(job("commitment.remind:" + id + ":due").getString("note")).startsWith("skipped");
        assertThat(slack.calls("chat.postMessage").stream().filter(saying("Due today", id))).isEmpty();

        // Only Alice may say whether it helped; her Yes is kept and the leader hears it.
        click(BOB, CommitmentButtons.HELPED, id + ":NO", "DU0BOB");
        awaitCall("chat.postEphemeral", c -> BOB.equals(c.param("user")) && said(c).contains("Only <@U0ALICE>"));
        click(ALICE, CommitmentButtons.HELPED, id + ":YES", "DU0ALICE", "1700000888.000100");
        await().atMost(WAIT).until(() -> "YES".equals(commitment(id).getString("helped")));
        assertThat(commitment(id).getDate("helpedAt")).isNotNull();
        awaitCall("chat.update", c -> "DU0ALICE".equals(c.param("channel"))
                && said(c).contains("Thanks — <@" + LEADER + "> will see your answer"));
        FakeSlack.Call heard = awaitCall("chat.postMessage", in(LEADER).and(saying("<@U0ALICE>", "*Yes*")));
        assertThat(said(heard)).contains("Book a monthly lunch");

        // Done commitments leave the lists.
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "commitments"))).doesNotContain("Book a monthly lunch");
    }

    @Test
    void inAThreadEveryoneSeesTheButtonButOnlyTheLeaderMayUseIt() {
        String checkInId = driver.start("trust <@U0ALICE|alice> <@U0BOB|bob> <#C0TEAM|team> visibility:thread", 2);
        answer(checkInId, ALICE, Map.of("important", "Being trusted with hard problems"));

        FakeSlack.Call shared = awaitCall("chat.postMessage", in("C0TEAM").and(saying("Being trusted")));
        assertThat(said(shared)).contains("\"value\":\"" + checkInId + ":" + ALICE + "\"");

        int formsBefore = slack.calls("views.open").size();
        click(BOB, FollowUpButton.ACTION_ID, checkInId + ":" + ALICE, "C0TEAM");
        FakeSlack.Call refusal = awaitCall("chat.postEphemeral", c -> BOB.equals(c.param("user")));
        assertThat(refusal.param("channel")).isEqualTo("C0TEAM");
        assertThat(said(refusal)).contains("Only <@" + LEADER + ">");

        // Someone who wasn't asked cannot be committed to under this check-in, even by the leader.
        click(LEADER, FollowUpButton.ACTION_ID, checkInId + ":U0DAN", "C0TEAM");
        awaitCall("chat.postEphemeral", c -> LEADER.equals(c.param("user")) && said(c).contains("wasn't asked"));
        assertThat(slack.calls("views.open")).hasSize(formsBefore);

        // A crafted submission is checked again, never trusted.
        JsonObject errors = viewErrors(submit(BOB, checkInId, ALICE, "I'll do it", LocalDate.now(clock).plusDays(2)));
        assertThat(errors.get("commitment_text").getAsString()).contains("Only <@" + LEADER + ">");
        assertThat(commitmentsFor(checkInId)).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void answer(String checkInId, String userId, Map<String, String> answers) {
        assertThat(driver.submitAnswers(userId, checkInId, answers).statusCode()).isEqualTo(200);
        driver.awaitResponseStatus(checkInId, userId, "ANSWERED");
    }

    private void click(String userId, String actionId, String value, String channelId) {
        click(userId, actionId, value, channelId, "1700000000.000100");
    }

    private void click(String userId, String actionId, String value, String channelId, String messageTs) {
        HttpResponse<String> ack = requests.interaction(requests.blockAction(userId, actionId, value, channelId, messageTs));
        assertThat(ack.statusCode()).as("ack: %s", ack.body()).isEqualTo(200);
    }

    private HttpResponse<String> submit(String userId, String checkInId, String memberId, String text, LocalDate due) {
        HttpResponse<String> ack = driver.submitCommitment(userId, checkInId, memberId, text, due);
        assertThat(ack.statusCode()).as("ack: %s", ack.body()).isEqualTo(200);
        return ack;
    }

    private List<Document> commitmentsFor(String checkInId) {
        return db.getCollection("commitments").find(Filters.eq("commitment.checkInId", checkInId)).into(new ArrayList<>());
    }

    private Document commitment(String id) {
        Document doc = db.getCollection("commitments").find(Filters.eq("_id", id)).first();
        assertThat(doc).as("commitment %s", id).isNotNull();
        return doc.get("commitment", Document.class);
    }

    private List<Document> reminderJobs(String commitmentId) {
        return db.getCollection("jobs").find(Filters.and(Filters.eq("kind", "commitment.remind"),
                Filters.eq("data.commitmentId", commitmentId))).into(new ArrayList<>());
    }

    private Document job(String key) {
        Document doc = db.getCollection("jobs").find(Filters.eq("_id", key)).first();
        assertThat(doc).as("job %s", key).isNotNull();
        return doc;
    }

    private void makeDue(String key) {
        db.getCollection("jobs").updateOne(Filters.eq("_id", key),
                Updates.set("dueAt", Date.from(clock.instant().minusSeconds(60))));
    }

    private void awaitJobStatus(String key, String status) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(job(key).getString("status")).isEqualTo(status));
    }

    private static FakeSlack.Call awaitCall(String method, Predicate<FakeSlack.Call> matching) {
        return await().atMost(WAIT).until(() -> slack.calls(method).stream().filter(matching).findFirst().orElse(null),
                c -> c != null);
    }

    private static List<FakeSlack.Call> callsSince(int n) {
        List<FakeSlack.Call> all = slack.calls();
        return all.subList(Math.min(n, all.size()), all.size());
    }

    private static boolean ownDm(FakeSlack.Call c, String userId) {
        String channel = c.param("channel");
        return userId.equals(channel) || ("D" + userId).equals(channel) || userId.equals(c.param("user"));
    }

    private static String said(FakeSlack.Call c) {
        return CheckInDriver.said(c);
    }

    private static Predicate<FakeSlack.Call> in(String channel) {
        return c -> channel.equals(c.param("channel"));
    }

    private static Predicate<FakeSlack.Call> saying(String... pieces) {
        return c -> {
            String said = said(c);
            for (String piece : pieces) {
                if (!said.contains(piece)) {
                    return false;
                }
            }
            return true;
        };
    }

}
