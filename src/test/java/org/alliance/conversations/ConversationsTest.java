package org.alliance.conversations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.google.gson.JsonObject;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.checkin.AnswerButtons;
import org.alliance.support.Acks;
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
 * Replies to a named answer, both ways, through the real Bolt app: the leader writes by the Reply
 * form or in the thread under the answer, the author reads it in their check-in DM thread and what
 * they write there comes back to the leader, and nobody else ever sees any of it.
 */
class ConversationsTest extends AllianceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ALICE = "U0ALICE";
    private static final String ALICE_DM = "DU0ALICE";
    private static final String LEADER_DM = "D" + LEADER;

    @Autowired
    MongoDatabase db;

    CheckInDriver driver;

    @BeforeEach
    void driver() {
        driver = new CheckInDriver(slack, requests, db);
    }

    @Test
    void theLeaderRepliesByTheFormAndTheAuthorsAnswerComesBackUnderTheAnswer() {
        String id = leaderOnlyCheckInAnsweredByAlice();
        String answerTs = sharedTs(id);
        String aliceThread = driver.response(id, ALICE).getString("dmTs");

        // Before the leader replies, writing in the thread gets check-ins' usual answer and reaches nobody.
        driver.replyInThread(id, ALICE, "hello? " + id);
        awaitPost(in(ALICE_DM, aliceThread).and(saying("You've already answered")));

        HttpResponse<String> click = driver.click(LEADER, AnswerButtons.REPLY, id + ":" + ALICE);
        assertThat(click.statusCode()).isEqualTo(200);
        FakeSlack.Call form = await().atMost(WAIT).until(() -> slack.lastCall("views.open").orElse(null),
                c -> c != null);
        assertThat(CheckInDriver.said(form)).contains("Reply to <@U0ALICE>",
                "Only <@U0ALICE> sees your reply, in their check-in DM; their answers back reach only you.");

        String reply = "Thanks Alice, let's talk on Monday " + id;
        assertThat(submitReply(LEADER, id + ":" + ALICE, reply).statusCode()).isEqualTo(200);

        FakeSlack.Call toAlice = awaitPost(in(ALICE_DM, aliceThread).and(saying(reply)));
        assertThat(toAlice.param("text")).contains("<@U0LEADER> replied to your answer",
                "Only you and <@U0LEADER> see this thread; reply here to answer them");
        awaitPost(in(LEADER_DM, answerTs).and(saying("You: " + reply)));
        await().atMost(WAIT).until(() -> driver.response(id, ALICE).get("repliedAt") != null);

        String back = "Monday works, thank you " + id;
        driver.replyInThread(id, ALICE, back);
        FakeSlack.Call toLeader = awaitPost(in(LEADER_DM, answerTs).and(saying(back)));
        assertThat(toLeader.param("text")).startsWith("<@U0ALICE>: ");
        awaitPost(in(ALICE_DM, aliceThread).and(saying("Sent to <@U0LEADER>; only they see it.")));
        assertThat(posts(saying("You've already answered"))).hasSize(1);
        assertOnlyBetweenTheTwo(reply, back);
    }

    @Test
    void theLeaderWritesInTheThreadUnderALeaderOnlyAnswerAndARedeliveryIsRelayedOnce() {
        String id = leaderOnlyCheckInAnsweredByAlice();
        String answerTs = sharedTs(id);
        String aliceThread = driver.response(id, ALICE).getString("dmTs");

        String first = "Can I help with the release? " + id;
        String event = requests.imMessage(LEADER, LEADER_DM, first, answerTs);
        requests.event(event);
        awaitPost(in(ALICE_DM, aliceThread).and(saying(first)));
        awaitPost(in(LEADER_DM, answerTs).and(saying("Sent to <@U0ALICE>; only they see it.")));
        requests.event(event);

        // Hostile text is shown, never acted on.
        String second = "<!channel> & <@U0BOB> " + id;
        requests.event(requests.imMessage(LEADER, LEADER_DM, second, answerTs));
        FakeSlack.Call escaped = awaitPost(in(ALICE_DM, aliceThread).and(saying("&lt;!channel&gt; &amp; &lt;@U0BOB&gt; " + id)));
        assertThat(escaped.param("text")).doesNotContain("<!channel>").doesNotContain("<@U0BOB>");

        // The author's redelivered reply reaches the leader once too.
        String back = "Yes please " + id;
        String aliceEvent = requests.imMessage(ALICE, ALICE_DM, back, aliceThread);
        requests.event(aliceEvent);
        awaitPost(in(LEADER_DM, answerTs).and(saying(back)));
        requests.event(aliceEvent);
        awaitQuiet();

        assertThat(posts(in(ALICE_DM, aliceThread).and(saying(first)))).hasSize(1);
        assertThat(posts(in(LEADER_DM, answerTs).and(saying(back)))).hasSize(1);
        // The leader is told where their writing goes once, and hears nothing else in their thread.
        assertThat(posts(in(LEADER_DM, answerTs))).extracting(c -> c.param("text"))
                .containsExactly("Sent to <@U0ALICE>; only they see it.", "<@U0ALICE>: " + back);
        assertOnlyBetweenTheTwo(first, back);
    }

    @Test
    void aThreadVisibleAnswerGetsItsConversationInANewDmToTheLeader() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> visibility:thread", 2);
        String answer = "Alice wants more autonomy " + id;
        driver.submitAnswers(ALICE, id, Map.of("important", answer, "openness", "4"));
        sharedTs(id);
        String aliceThread = driver.response(id, ALICE).getString("dmTs");

        String reply = "Tell me more " + id;
        assertThat(submitReply(LEADER, id + ":" + ALICE, reply).statusCode()).isEqualTo(200);
        FakeSlack.Call root = awaitPost(c -> LEADER.equals(c.param("channel")) && c.param("thread_ts") == null
                && CheckInDriver.said(c).contains("Your conversation with <@U0ALICE>"));
        assertThat(root.param("text")).contains(answer, "Only you and <@U0ALICE> see this conversation");
        Document conversation = await().atMost(WAIT).until(() -> conversation(id), d -> d != null
                && d.getString("leaderTs") != null);
        String rootTs = conversation.getString("leaderTs");
        assertThat(conversation.getString("leaderChannelId")).isEqualTo(LEADER_DM);
        awaitPost(in(ALICE_DM, aliceThread).and(saying(reply)));
        awaitPost(in(LEADER_DM, rootTs).and(saying("You: " + reply)));

        String back = "Happy to " + id;
        driver.replyInThread(id, ALICE, back);
        awaitPost(in(LEADER_DM, rootTs).and(saying("<@U0ALICE>: " + back)));

        String direct = "Great, Thursday? " + id;
        requests.event(requests.imMessage(LEADER, LEADER_DM, direct, rootTs));
        awaitPost(in(ALICE_DM, aliceThread).and(saying(direct)));
        // Nothing of the conversation went to the channel the answer was shared in.
        assertThat(slack.calls()).filteredOn(c -> "C0TEAM".equals(c.param("channel")))
                .allSatisfy(c -> assertThat(CheckInDriver.said(c)).doesNotContain(reply, back, direct));
    }

    @Test
    void onlyTheLeaderMayReplyAndABlankReplyIsAFormError() {
        String id = leaderOnlyCheckInAnsweredByAlice();
        String responseId = id + ":" + ALICE;

        driver.click("U0BOB", AnswerButtons.REPLY, responseId);
        FakeSlack.Call refused = await().atMost(WAIT).until(() -> slack.lastCall("chat.postEphemeral").orElse(null),
                c -> c != null);
        assertThat(refused.param("user")).isEqualTo("U0BOB");
        assertThat(refused.param("text")).contains("Only the leader of this check-in can reply");
        assertThat(slack.calls("views.open")).isEmpty();

        JsonObject forged = Acks.viewErrors(submitReply("U0BOB", responseId, "let me in " + id));
        assertThat(forged.get(ReplyModal.TEXT_BLOCK).getAsString()).contains("Only the leader");
        JsonObject blank = Acks.viewErrors(submitReply(LEADER, responseId, "   \n "));
        assertThat(blank.get(ReplyModal.TEXT_BLOCK).getAsString()).contains("Please write your reply");

        awaitQuiet();
        assertThat(slack.calls()).noneSatisfy(c -> assertThat(CheckInDriver.said(c)).contains("let me in " + id));
        assertThat(posts(in(ALICE_DM, driver.response(id, ALICE).getString("dmTs")))).isEmpty();
        assertThat(conversation(id)).isNull();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String leaderOnlyCheckInAnsweredByAlice() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> visibility:leader", 2);
        driver.submitAnswers(ALICE, id, Map.of("feedback", "Alice wants honest feedback " + id));
        sharedTs(id);
        return id;
    }

    private String sharedTs(String id) {
        return await().atMost(WAIT).until(() -> driver.response(id, ALICE).getString("sharedTs"), ts -> ts != null);
    }

    private HttpResponse<String> submitReply(String userId, String responseId, String text) {
        JsonObject value = new JsonObject();
        value.addProperty("type", "plain_text_input");
        value.addProperty("value", text);
        JsonObject action = new JsonObject();
        action.add(ReplyModal.TEXT_ACTION, value);
        JsonObject values = new JsonObject();
        values.add(ReplyModal.TEXT_BLOCK, action);
        return requests.interaction(requests.viewSubmission(userId, ReplyModal.CALLBACK_ID, responseId,
                values.toString()));
    }

    private Document conversation(String checkInId) {
        Document doc = db.getCollection("conversations").find(Filters.eq("_id", checkInId + ":" + ALICE)).first();
        return doc == null ? null : doc.get("conversation", Document.class);
    }

    private FakeSlack.Call awaitPost(Predicate<FakeSlack.Call> which) {
        return await().atMost(WAIT).until(() -> posts(which).stream().findFirst().orElse(null), c -> c != null);
    }

    private static List<FakeSlack.Call> posts(Predicate<FakeSlack.Call> which) {
        return slack.calls("chat.postMessage").stream().filter(which).toList();
    }

    /** Lets work still running after the acks (a second relay, if the bot were to make one) land before asserting. */
    private static void awaitQuiet() {
        await().pollDelay(Duration.ofMillis(700)).atMost(WAIT).until(() -> true);
    }

    /** What the two wrote reached only the leader's DM and the author's. */
    private static void assertOnlyBetweenTheTwo(String... texts) {
        assertThat(slack.calls()).filteredOn(c -> List.of(texts).stream()
                        .anyMatch(t -> CheckInDriver.said(c).contains(t)))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.param("channel")).isIn(LEADER_DM, ALICE_DM, LEADER));
    }

    private static Predicate<FakeSlack.Call> in(String channel, String threadTs) {
        return c -> channel.equals(c.param("channel")) && threadTs.equals(c.param("thread_ts"));
    }

    private static Predicate<FakeSlack.Call> saying(String text) {
        return c -> CheckInDriver.said(c).contains(text);
    }
}
