package org.alliance.conversations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.model.Filters;
import org.alliance.checkin.AnswerButtons;
import org.alliance.support.Acks;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.ScheduledAppTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A leader replies privately to an answer of an anonymous summary; the reply and the author's
 * answers travel both ways after a random delay, and nothing the leader is sent ties them to the author.
 */
class AnonymousConversationTest extends ScheduledAppTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String AUTHOR = "U0ALICE";
    private static final String AUTHOR_DM = "DU0ALICE";
    private static final String LEADER_DM = "D" + LEADER;

    /** The signed requests the leader sent, whose ack bodies Slack shows the leader. */
    private final List<HttpResponse<String>> leaderAcks = new ArrayList<>();

    @Test
    void aPrivateReplyReachesTheAuthorLaterAndTheirAnswerComesBackWithoutAName() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> visibility:anonymous", 3);
        String aliceSaid = "alice-needs-quiet-time-" + id;
        answer(id, "U0ALICE", aliceSaid);
        answer(id, "U0BOB", "bob-needs-clear-goals-" + id);
        int fromTheEnd = slack.calls().size();
        answer(id, "U0CAROL", "carol-needs-recognition-" + id);
        driver.awaitStatus(id, "COMPLETED");

        // The leader's copy of the summary has Reply privately beside each text answer; the thread's copy has none.
        FakeSlack.Call summary = awaitCall("chat.postMessage", in(LEADER).and(saying("Anonymous summary")));
        String key = keyBeside(summary, aliceSaid);
        assertThat(key).doesNotContain(AUTHOR).hasSizeGreaterThanOrEqualTo(22);
        FakeSlack.Call threadCopy = awaitCall("chat.postMessage", in("C0TEAM").and(saying("Anonymous summary")));
        assertThat(threadCopy.param("blocks")).doesNotContain(AnswerButtons.REPLY_PRIVATELY);

        // The leader presses it: a form quoting the answer, saying who will see the reply.
        leaderAcks.add(requests.interaction(requests.blockAction(LEADER, AnswerButtons.REPLY_PRIVATELY, key, LEADER_DM,
                "1.0")));
        FakeSlack.Call form = awaitCall("views.open", saying(aliceSaid));
        assertThat(CheckInDriver.said(form)).contains("you won't learn who wrote it").contains("a few minutes later")
                .contains("\"private_metadata\":\"" + key + "\"");

        // An empty reply is refused in the form.
        HttpResponse<String> empty = submit(key, "   ");
        leaderAcks.add(empty);
        assertThat(Acks.viewErrors(empty).get(AnonymousReplyModal.TEXT_BLOCK).getAsString()).contains("write your reply");

        String reply = "Thanks for this. What would quiet time look like for you? " + id;
        leaderAcks.add(submit(key, reply));
        FakeSlack.Call root = awaitCall("chat.postMessage", in(LEADER).and(saying("Private conversation about an anonymous answer", aliceSaid)));
        String rootTs = await().atMost(WAIT).until(() -> conversation(key).getString("leaderRootTs"), ts -> ts != null);
        awaitCall("chat.postMessage", in(LEADER_DM).and(inThread(rootTs)).and(saying("*You:*", reply)));
        assertThat(root.param("thread_ts")).isNull();
        await().atMost(WAIT).until(() -> driver.response(id, AUTHOR).get("repliedAt") != null);

        // Nothing reaches the author before the shortest delay; it does by the longest.
        clock.advance(Duration.ofSeconds(119));
        pause();
        assertThat(calls("chat.postMessage", saying(reply).and(in(AUTHOR_DM)))).isEmpty();
        clock.advance(Duration.ofSeconds(182));
        String authorThread = driver.response(id, AUTHOR).getString("dmTs");
        FakeSlack.Call toAuthor = awaitCall("chat.postMessage", in(AUTHOR_DM).and(inThread(authorThread)).and(saying(reply)));
        assertThat(CheckInDriver.said(toAuthor)).contains("<@" + LEADER + "> replied privately to your anonymous answer")
                .contains("They don't know who you are");
        assertThat(calls("chat.postMessage", saying(reply))).hasSize(2);

        // The author writes back in their check-in thread (Slack delivers it twice); it is confirmed once.
        String aliceBack = "A morning without meetings, twice a week. " + id;
        String event = requests.imMessage(AUTHOR, AUTHOR_DM, aliceBack, authorThread);
        requests.event(event);
        requests.event(event);
        awaitCall("chat.postMessage", in(AUTHOR_DM).and(inThread(authorThread)).and(saying("Got it. Your reply reaches")));
        pause();
        assertThat(calls("chat.postMessage", in(AUTHOR_DM).and(saying("Got it. Your reply reaches")))).hasSize(1);
        assertThat(calls("chat.postMessage", saying(aliceBack))).isEmpty();
        clock.advance(Duration.ofSeconds(301));
        FakeSlack.Call toLeader = awaitCall("chat.postMessage", in(LEADER_DM).and(inThread(rootTs)).and(saying(aliceBack)));
        assertThat(CheckInDriver.said(toLeader)).contains("*Author:*");

        // The leader writes in that thread (delivered twice too); it reaches the author once, later.
        String leaderAgain = "Let's try Tuesdays and Thursdays. " + id;
        String leaderEvent = requests.imMessage(LEADER, LEADER_DM, leaderAgain, rootTs);
        int beforeLeaderWrote = slack.calls().size();
        leaderAcks.add(requests.event(leaderEvent));
        leaderAcks.add(requests.event(leaderEvent));
        awaitCall("chat.postMessage", in(LEADER_DM).and(inThread(rootTs)).and(saying("this reaches the author")));
        pause();
        assertThat(calls("chat.postMessage", saying(leaderAgain))).isEmpty();
        assertThat(slack.calls().subList(beforeLeaderWrote, slack.calls().size()).stream()
                .filter(c -> c.method().equals("chat.postMessage"))
                .filter(in(LEADER_DM).and(inThread(rootTs)).and(saying("this reaches the author"))))
                .as("the twice-delivered message is confirmed once").hasSize(1);
        clock.advance(Duration.ofSeconds(301));
        FakeSlack.Call again = awaitCall("chat.postMessage", in(AUTHOR_DM).and(inThread(authorThread)).and(saying(leaderAgain)));
        assertThat(CheckInDriver.said(again)).contains("wrote again about your anonymous answer");
        clock.advance(Duration.ofSeconds(301));
        pause();
        assertThat(calls("chat.postMessage", saying(leaderAgain))).hasSize(1);

        // THE PRIVACY CHECK: nothing the leader was sent since the check-in ended names the author or their DM.
        List<FakeSlack.Call> toTheLeader = slack.calls().subList(fromTheEnd, slack.calls().size()).stream()
                .filter(this::reachesTheLeader)
                // The end-of-check-in summary lists who took part, by design, and ties nothing to anyone.
                .filter(c -> !CheckInDriver.said(c).contains("Took part ("))
                .toList();
        assertThat(toTheLeader).extracting(FakeSlack.Call::method).contains("chat.postMessage", "views.open");
        assertThat(CheckInDriver.everythingSaid(toTheLeader)).contains(aliceSaid, reply, aliceBack, "*Author:*");
        for (FakeSlack.Call c : toTheLeader) {
            String everything = c.params().toString() + CheckInDriver.said(c);
            assertThat(everything).as("%s to the leader", c.method())
                    .doesNotContain(AUTHOR).doesNotContain("Alice").doesNotContain(AUTHOR_DM);
        }
        assertThat(leaderAcks).isNotEmpty().allSatisfy(ack -> assertThat(ack.body())
                .doesNotContain(AUTHOR).doesNotContain("Alice").doesNotContain(AUTHOR_DM));
    }

    @Test
    void onlyTheLeaderCanUseAKeyAndAForgedOneGetsAFriendlyWord() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> visibility:anonymous", 3);
        String aliceSaid = "alice-private-" + id;
        answer(id, "U0ALICE", aliceSaid);
        answer(id, "U0BOB", "bob-private-" + id);
        answer(id, "U0CAROL", "carol-private-" + id);
        driver.awaitStatus(id, "COMPLETED");
        String key = keyBeside(awaitCall("chat.postMessage", in(LEADER).and(saying("Anonymous summary"))), aliceSaid);

        // Bob has somehow got the key: it opens nothing, and his submission is refused.
        HttpResponse<String> bobClick = requests.interaction(requests.blockAction("U0BOB", AnswerButtons.REPLY_PRIVATELY,
                key, "DU0BOB", "1.0"));
        assertThat(bobClick.statusCode()).isEqualTo(200);
        FakeSlack.Call toBob = awaitCall("chat.postEphemeral", c -> "U0BOB".equals(c.param("user")));
        assertThat(CheckInDriver.said(toBob)).contains("Only the leader of an anonymous check-in can reply privately")
                .doesNotContain(aliceSaid);
        HttpResponse<String> bobSubmit = requests.interaction(requests.viewSubmission("U0BOB",
                AnonymousReplyModal.CALLBACK_ID, key, textValue("Who are you?")));
        assertThat(Acks.viewErrors(bobSubmit).get(AnonymousReplyModal.TEXT_BLOCK).getAsString())
                .contains("can't be replied to");

        // A key the bot never issued.
        requests.interaction(requests.blockAction(LEADER, AnswerButtons.REPLY_PRIVATELY, "forged-" + id, LEADER_DM, "1.0"));
        FakeSlack.Call toLeader = awaitCall("chat.postEphemeral", c -> LEADER.equals(c.param("user")));
        assertThat(CheckInDriver.said(toLeader)).contains("doesn't lead to an answer you can reply to");

        pause();
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(db.getCollection("anonymous_conversations").countDocuments(Filters.eq("checkInId", id))).isZero();
        assertThat(driver.response(id, AUTHOR).get("repliedAt")).isNull();
    }

    @Test
    void withTwoConversationsTheAuthorsReplyGoesToTheOneThatReachedThemLastAndTheyAreToldSo() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> visibility:anonymous", 3);
        String important = "alice-important-" + id;
        String managed = "alice-managed-" + id;
        assertThat(driver.submitAnswers(AUTHOR, id, Map.of("important", important, "managed", managed)).statusCode())
                .isEqualTo(200);
        answer(id, "U0BOB", "bob-important-" + id);
        answer(id, "U0CAROL", "carol-important-" + id);
        driver.awaitStatus(id, "COMPLETED");
        FakeSlack.Call summary = awaitCall("chat.postMessage", in(LEADER).and(saying("Anonymous summary")));
        String first = keyBeside(summary, important);
        String second = keyBeside(summary, managed);
        String authorThread = driver.response(id, AUTHOR).getString("dmTs");

        submit(first, "About what matters: tell me more. " + id);
        clock.advance(Duration.ofSeconds(301));
        awaitCall("chat.postMessage", in(AUTHOR_DM).and(saying("tell me more")));
        submit(second, "About how you like to be managed: more check-ins? " + id);
        clock.advance(Duration.ofSeconds(301));
        FakeSlack.Call latest = awaitCall("chat.postMessage", in(AUTHOR_DM).and(saying("more check-ins?")));
        assertThat(CheckInDriver.said(latest)).contains("more than one of these conversations")
                .contains("How do you like to be managed?");

        String back = "Yes, weekly would help. " + id;
        requests.event(requests.imMessage(AUTHOR, AUTHOR_DM, back, authorThread));
        awaitCall("chat.postMessage", in(AUTHOR_DM).and(saying("Got it. Your reply reaches", "How do you like to be managed?")));
        clock.advance(Duration.ofSeconds(301));
        String secondRoot = conversation(second).getString("leaderRootTs");
        awaitCall("chat.postMessage", in(LEADER_DM).and(inThread(secondRoot)).and(saying(back)));
        pause();
        assertThat(calls("chat.postMessage", saying(back))).hasSize(1);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void answer(String checkInId, String userId, String important) {
        assertThat(driver.submitAnswers(userId, checkInId, Map.of("important", important, "openness", "4"))
                .statusCode()).isEqualTo(200);
        driver.awaitResponseStatus(checkInId, userId, "ANSWERED");
    }

    private HttpResponse<String> submit(String key, String text) {
        return requests.interaction(requests.viewSubmission(LEADER, AnonymousReplyModal.CALLBACK_ID, key, textValue(text)));
    }

    private static String textValue(String text) {
        JsonObject value = new JsonObject();
        value.addProperty("type", "plain_text_input");
        value.addProperty("value", text);
        JsonObject action = new JsonObject();
        action.add(AnonymousReplyModal.TEXT_ACTION, value);
        JsonObject values = new JsonObject();
        values.add(AnonymousReplyModal.TEXT_BLOCK, action);
        return values.toString();
    }

    /** The value of the Reply privately button beside the section quoting {@code answer}. */
    private static String keyBeside(FakeSlack.Call summary, String answer) {
        for (JsonElement block : JsonParser.parseString(summary.param("blocks")).getAsJsonArray()) {
            JsonObject b = block.getAsJsonObject();
            if (b.has("accessory") && b.getAsJsonObject("text").get("text").getAsString().contains(answer)) {
                JsonObject button = b.getAsJsonObject("accessory");
                assertThat(button.get("action_id").getAsString()).isEqualTo(AnswerButtons.REPLY_PRIVATELY);
                return button.get("value").getAsString();
            }
        }
        throw new AssertionError("no Reply privately beside " + answer + " in " + summary.param("blocks"));
    }

    private Document conversation(String key) {
        return Optional.ofNullable(db.getCollection("anonymous_conversations").find(Filters.eq("_id", key)).first())
                .orElse(new Document());
    }

    /** Whatever Slack shows the leader: messages in their DM, forms, ephemerals, Home and response_url replies. */
    private boolean reachesTheLeader(FakeSlack.Call c) {
        return switch (c.method()) {
            case "chat.postMessage", "chat.update" -> Set.of(LEADER, LEADER_DM).contains(c.param("channel"));
            case "chat.postEphemeral" -> LEADER.equals(c.param("user"));
            case "views.publish" -> LEADER.equals(c.param("user_id"));
            // Only the leader opens forms in these tests.
            case "views.open", "views.update", "respond" -> true;
            default -> false;
        };
    }

    private static FakeSlack.Call awaitCall(String method, Predicate<FakeSlack.Call> matching) {
        return await().atMost(WAIT).until(() -> slack.calls(method).stream().filter(matching).findFirst().orElse(null),
                c -> c != null);
    }

    private static List<FakeSlack.Call> calls(String method, Predicate<FakeSlack.Call> matching) {
        return slack.calls(method).stream().filter(matching).toList();
    }

    private static Predicate<FakeSlack.Call> in(String channel) {
        return c -> channel.equals(c.param("channel"));
    }

    private static Predicate<FakeSlack.Call> inThread(String ts) {
        return c -> ts != null && ts.equals(c.param("thread_ts"));
    }

    private static Predicate<FakeSlack.Call> saying(String... pieces) {
        return c -> {
            String said = CheckInDriver.said(c);
            for (String piece : pieces) {
                if (!said.contains(piece)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Time for the 100 ms poller and the app's background work to have done anything they were going to. */
    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
