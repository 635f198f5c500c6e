package org.alliance.playbooks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.ScheduledAppTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the playbook tests share: starting one by the quick path, moving the clock and waiting until
 * every job due by then has run, and reading the playbook and its steps' check-ins back.
 */
abstract class PlaybookScenario extends ScheduledAppTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Pattern KICK_OFF = Pattern.compile("kick-off of playbook `(P[A-Z0-9]{5})`");

    @BeforeEach
    void everyoneIsBack() {
        db.getCollection("snoozes").deleteMany(new Document());
    }

    /** A unique objective, so this test's check-ins can be told from every other test's. */
    static String objective(String what) {
        return what + " " + System.nanoTime();
    }

    static String ackText(HttpResponse<String> ack) {
        assertThat(ack.statusCode()).as("ack: %s", ack.body()).isEqualTo(200);
        String body = ack.body();
        if (body == null || body.isBlank()) {
            return "";
        }
        JsonElement parsed = JsonParser.parseString(body);
        return parsed.isJsonObject() && parsed.getAsJsonObject().has("text")
                ? parsed.getAsJsonObject().get("text").getAsString() : "";
    }

    /** Types {@code /alliance <text>} as the leader and returns the reply sent later to the response_url. */
    String commandReply(String channelId, String text) {
        int before = slack.calls("respond").size();
        assertThat(ackText(driver.command(LEADER, channelId, text))).contains("Starting your playbook");
        return await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> responds = slack.calls("respond");
            return responds.size() > before ? responds.get(responds.size() - 1).param("text") : null;
        }, t -> t != null);
    }

    static String playbookIdIn(String reply) {
        Matcher m = KICK_OFF.matcher(reply);
        assertThat(m.find()).as("start reply: %s", reply).isTrue();
        return m.group(1);
    }

    Document playbook(String id) {
        Document doc = db.getCollection("playbooks").find(Filters.eq("_id", id)).first();
        assertThat(doc).as("playbook %s", id).isNotNull();
        return doc.get("playbook", Document.class);
    }

    List<Document> steps(String id) {
        return playbook(id).getList("steps", Document.class);
    }

    /** The steps' check-ins, oldest first, found by the playbook's unique objective. */
    List<Document> checkIns(String objective) {
        return db.getCollection("checkins").find(Filters.eq("checkIn.objective", objective))
                .sort(Sorts.ascending("checkIn.createdAt")).map(d -> {
                    Document c = d.get("checkIn", Document.class);
                    c.put("id", d.getString("_id"));
                    return c;
                }).into(new ArrayList<>());
    }

    Document awaitCheckIn(String objective, int n) {
        return await().atMost(WAIT).until(() -> checkIns(objective), r -> r.size() >= n).get(n - 1);
    }

    List<Document> stepJobs(String playbookId) {
        return db.getCollection("jobs").find(Filters.and(Filters.eq("kind", "playbook.step"),
                Filters.eq("data.playbookId", playbookId))).sort(Sorts.ascending("dueAt")).into(new ArrayList<>());
    }

    /** Moves the clock to {@code instant} and waits until every job due by then has run. */
    void at(Instant instant) {
        clock.set(instant);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            Date now = Date.from(clock.instant());
            return db.getCollection("jobs").countDocuments(Filters.or(
                    Filters.and(Filters.eq("status", "PENDING"), Filters.lte("dueAt", now)),
                    Filters.eq("status", "CLAIMED"))) == 0;
        });
    }

    /** Clicks a button as {@code userId} in their DM and waits for the bot's answer there. */
    String click(String userId, String actionId, String value) {
        int before = ephemeralsTo(userId).size();
        HttpResponse<String> ack = requests.interaction(requests.blockAction(userId, actionId, value, "D" + userId,
                "1.0"));
        assertThat(ack.statusCode()).isEqualTo(200);
        return await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> calls = ephemeralsTo(userId);
            return calls.size() > before ? calls.get(calls.size() - 1).param("text") : null;
        }, t -> t != null);
    }

    private static List<FakeSlack.Call> ephemeralsTo(String userId) {
        return slack.calls("chat.postEphemeral").stream().filter(c -> userId.equals(c.param("user"))).toList();
    }

    static List<FakeSlack.Call> posts(Predicate<FakeSlack.Call> matching) {
        return slack.calls("chat.postMessage").stream().filter(matching).toList();
    }

    /** Everything posted into the person's DM with the bot (by user id or by D… channel). */
    static List<FakeSlack.Call> dmsTo(String userId) {
        return posts(c -> userId.equals(c.param("channel")) || ("D" + userId).equals(c.param("channel")));
    }

    static String said(FakeSlack.Call c) {
        return CheckInDriver.said(c);
    }
}
