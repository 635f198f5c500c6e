package org.alliance.checkin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the check-in integration tests share: a driver, and ways to look at what Slack was told. */
abstract class CheckInScenario extends AllianceIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    MongoDatabase db;

    CheckInDriver driver;

    @BeforeEach
    void driver() {
        driver = new CheckInDriver(slack, requests, db);
    }

    /** The text of an immediate ephemeral reply in an ack body; empty when the ack had no body. */
    static String ackText(HttpResponse<String> ack) {
        assertThat(ack.statusCode()).as("ack: %s", ack.body()).isEqualTo(200);
        JsonObject body = ackJson(ack);
        JsonElement text = body.get("text");
        return text == null || text.isJsonNull() ? "" : text.getAsString();
    }

    static JsonObject ackJson(HttpResponse<String> ack) {
        String body = ack.body();
        if (body == null || body.isBlank()) {
            return new JsonObject();
        }
        JsonElement parsed = JsonParser.parseString(body);
        return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
    }

    /** The block id to error map of a {@code response_action: errors} ack; fails for any other ack. */
    static JsonObject viewErrors(HttpResponse<String> ack) {
        assertThat(ack.statusCode()).as("ack: %s", ack.body()).isEqualTo(200);
        JsonObject body = ackJson(ack);
        assertThat(body.has("response_action")).as("ack: %s", ack.body()).isTrue();
        assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
        return body.getAsJsonObject("errors");
    }

    static FakeSlack.Call awaitCall(String method, Predicate<FakeSlack.Call> matching) {
        return await().atMost(WAIT).until(() -> slack.calls(method).stream().filter(matching).findFirst().orElse(null),
                c -> c != null);
    }

    static List<FakeSlack.Call> calls(String method, Predicate<FakeSlack.Call> matching) {
        return slack.calls(method).stream().filter(matching).toList();
    }

    static Predicate<FakeSlack.Call> in(String channel) {
        return c -> channel.equals(c.param("channel"));
    }

    static Predicate<FakeSlack.Call> saying(String... pieces) {
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

    /** The calls recorded after the first {@code n}. */
    static List<FakeSlack.Call> callsSince(int n) {
        List<FakeSlack.Call> all = slack.calls();
        return all.subList(Math.min(n, all.size()), all.size());
    }

    /** Whether a call went to the person's own DM with the bot (their user id, or D + id). */
    static boolean ownDm(FakeSlack.Call c, String userId) {
        String channel = c.param("channel");
        return userId.equals(channel) || ("D" + userId).equals(channel);
    }

    /** Every recorded call that did not go to one of these people's own DMs. */
    static List<FakeSlack.Call> outsideDmsOf(List<FakeSlack.Call> calls, Set<String> people) {
        return calls.stream().filter(c -> people.stream().noneMatch(p -> ownDm(c, p))).toList();
    }

    /** The invitation DM a person got for a check-in (successful calls only). */
    static List<FakeSlack.Call> invitations(String checkInId, String userId) {
        return calls("chat.postMessage", in(userId).and(saying(checkInId)));
    }

    long responsesOf(String checkInId, String userId) {
        return db.getCollection("responses").countDocuments(Filters.and(
                Filters.eq("response.checkInId", checkInId), Filters.eq("response.userId", userId)));
    }

    long checkInDocuments() {
        return db.getCollection("checkins").countDocuments();
    }

    long responseDocuments() {
        return db.getCollection("responses").countDocuments();
    }

    String parentTs(String checkInId) {
        String ts = driver.checkIn(checkInId).getString("parentTs");
        assertThat(ts).as("parent ts of %s", checkInId).isNotNull();
        return ts;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> answers(String checkInId, String userId) {
        return (Map<String, Object>) driver.response(checkInId, userId).get("answers", Map.class);
    }

    /** The modal state of text answers, question id to text, as Slack would send it. */
    static String textAnswers(Map<String, String> answers) {
        JsonObject values = new JsonObject();
        answers.forEach((questionId, answer) -> {
            JsonObject value = new JsonObject();
            value.addProperty("type", "plain_text_input");
            value.addProperty("value", answer);
            JsonObject action = new JsonObject();
            action.add("answer", value);
            values.add("q:" + questionId, action);
        });
        return values.toString();
    }

    /** A submission of the answer modal that can be sent more than once, as Slack retries do. */
    String answerSubmission(String userId, String checkInId, Map<String, String> answers) {
        return requests.viewSubmission(userId, CheckInInteractions.ANSWER_SUBMIT, checkInId, textAnswers(answers));
    }

    /** Waits until the person's DM shows their answer, i.e. the follow-up of their answer has run. */
    void awaitAnswerShownInDm(String checkInId, String userId, String answer) {
        String dmTs = driver.response(checkInId, userId).getString("dmTs");
        awaitCall("chat.update", in("D" + userId).and(c -> dmTs.equals(c.param("ts"))).and(saying(answer)));
    }
}
