package org.alliance.recurring;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
 * What the recurring check-in tests share: setting a series up by the quick path, moving the
 * clock and waiting until every job due by then has run, and reading rounds back.
 */
abstract class RecurringScenario extends ScheduledAppTest {

    static final List<String> PEOPLE = List.of("U0LEADER", "U0ALICE", "U0BOB", "U0CAROL", "U0DAN");

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Pattern SET_UP = Pattern.compile("Recurring check-in `(R[A-Z0-9]{5})` is set up");

    /** Nobody starts away: a snooze left by another test would silently keep them out of rounds. */
    @BeforeEach
    void everyoneIsBack() {
        wakeEveryone();
    }

    void wakeEveryone() {
        db.getCollection("snoozes").deleteMany(Filters.in("_id", PEOPLE.stream().map(u -> "T0001:" + u).toList()));
    }

    /** A unique objective, so this test's rounds can be told from every other test's check-ins. */
    static String objective(String what) {
        return what + " " + System.nanoTime();
    }

    /** The text of an immediate ephemeral reply in an ack body; empty when the ack had no body. */
    static String ackText(HttpResponse<String> ack) {
        assertThat(ack.statusCode()).as("ack: %s", ack.body()).isEqualTo(200);
        String body = ack.body();
        if (body == null || body.isBlank()) {
            return "";
        }
        JsonElement parsed = JsonParser.parseString(body);
        if (!parsed.isJsonObject()) {
            return "";
        }
        JsonObject json = parsed.getAsJsonObject();
        return json.has("text") && !json.get("text").isJsonNull() ? json.get("text").getAsString() : "";
    }

    /** Types {@code /alliance <text>} as the leader and returns the reply sent later to the response_url. */
    String commandReply(String userId, String channelId, String text) {
        int before = slack.calls("respond").size();
        assertThat(ackText(driver.command(userId, channelId, text))).contains("Setting up");
        return await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> responds = slack.calls("respond");
            return responds.size() > before ? responds.get(responds.size() - 1).param("text") : null;
        }, t -> t != null);
    }

    /** Sets a series up by the quick path ({@code start …}) and returns its id. */
    String startSeries(String channelId, String arguments) {
        String reply = commandReply(LEADER, channelId, "start " + arguments);
        return seriesIdIn(reply);
    }

    static String seriesIdIn(String reply) {
        Matcher m = SET_UP.matcher(reply);
        assertThat(m.find()).as("set-up reply: %s", reply).isTrue();
        return m.group(1);
    }

    /** The stored series, as the {@code series} collection holds it. */
    Document series(String id) {
        Document doc = db.getCollection("series").find(Filters.eq("_id", id)).first();
        assertThat(doc).as("series %s", id).isNotNull();
        return doc.get("series", Document.class);
    }

    long seriesWithObjective(String objective) {
        return db.getCollection("series").countDocuments(Filters.eq("series.objective", objective));
    }

    /** A wall-clock date-time as the driver stores a LocalDateTime. */
    static Date wallClock(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC));
    }

    /** The rounds (check-ins) of a series, oldest first, found by the series' unique objective. */
    List<Document> rounds(String objective) {
        return db.getCollection("checkins").find(Filters.eq("checkIn.objective", objective))
                .sort(Sorts.ascending("checkIn.createdAt")).map(d -> {
                    Document c = d.get("checkIn", Document.class);
                    c.put("id", d.getString("_id"));
                    return c;
                }).into(new ArrayList<>());
    }

    Document awaitRound(String objective, int n) {
        return await().atMost(WAIT).until(() -> rounds(objective), r -> r.size() >= n).get(n - 1);
    }

    long responsesOf(String checkInId) {
        return db.getCollection("responses").countDocuments(Filters.eq("response.checkInId", checkInId));
    }

    /** Moves the clock to {@code instant} and waits until every job due by then has run. */
    void at(String instant) {
        clock.set(Instant.parse(instant));
        settle();
    }

    /**
     * Waits until no job is due and unclaimed and none is running. Handlers talk to Slack
     * synchronously, so once this returns, everything the due work said has been recorded.
     */
    void settle() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            Date now = Date.from(clock.instant());
            return db.getCollection("jobs").countDocuments(Filters.or(
                    Filters.and(Filters.eq("status", "PENDING"), Filters.lte("dueAt", now)),
                    Filters.eq("status", "CLAIMED"))) == 0;
        });
    }

    /** Jobs of a kind whose data has {@code key = value}. */
    List<Document> jobs(String kind, String key, String value) {
        return db.getCollection("jobs").find(Filters.and(Filters.eq("kind", kind), Filters.eq("data." + key, value)))
                .sort(Sorts.ascending("dueAt")).into(new ArrayList<>());
    }

    static List<FakeSlack.Call> posts(Predicate<FakeSlack.Call> matching) {
        return slack.calls("chat.postMessage").stream().filter(matching).toList();
    }

    /** Top-level posts in a channel that mention the check-in: its parent message. */
    static List<FakeSlack.Call> parents(String channelId, String checkInId) {
        return posts(c -> channelId.equals(c.param("channel")) && c.param("thread_ts") == null
                && CheckInDriver.said(c).contains(checkInId));
    }

    /** Invitations: top-level DMs posted to the person's user id that name the check-in. */
    static List<FakeSlack.Call> invitations(String userId, String checkInId) {
        return posts(c -> userId.equals(c.param("channel")) && c.param("thread_ts") == null
                && CheckInDriver.said(c).contains(checkInId));
    }

    /** Everything posted into the person's DM with the bot (by user id or by D… channel). */
    static List<FakeSlack.Call> dmsTo(String userId) {
        return posts(c -> userId.equals(c.param("channel")) || ("D" + userId).equals(c.param("channel")));
    }
}
