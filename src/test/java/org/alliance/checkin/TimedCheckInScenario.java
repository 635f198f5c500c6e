package org.alliance.checkin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.model.Filters;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.ScheduledAppTest;
import org.bson.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the time-driven check-in tests share: moving the clock and waiting until the poller has
 * run everything that became due, and ways to find reminders and jobs.
 */
abstract class TimedCheckInScenario extends ScheduledAppTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String REMINDER_TEXT = "gentle reminder";

    /** Moves the clock, then waits until the poller has run (or deferred) everything now due. */
    void advance(Duration by) {
        clock.advance(by);
        awaitNothingDue();
    }

    void setClock(Instant at) {
        clock.set(at);
        awaitNothingDue();
    }

    /** No job is due and unclaimed, and none is running. */
    void awaitNothingDue() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(db.getCollection("jobs").countDocuments(Filters.or(
                Filters.and(Filters.eq("status", "PENDING"), Filters.lte("dueAt", Date.from(clock.instant()))),
                Filters.eq("status", "CLAIMED")))).as("jobs due or running at %s", clock.instant()).isZero());
    }

    Document job(String key) {
        Document doc = db.getCollection("jobs").find(Filters.eq("_id", key)).first();
        assertThat(doc).as("job %s", key).isNotNull();
        return doc;
    }

    static String reminderKey(String checkInId, String userId, int n) {
        return CheckInSchedule.REMIND + ":" + checkInId + ":" + userId + ":" + n;
    }

    static Instant dueAt(Document job) {
        return ((Date) job.get("dueAt")).toInstant();
    }

    /** Reminders posted (successfully) in the person's DM thread of this check-in. */
    List<FakeSlack.Call> remindersTo(String checkInId, String userId) {
        Document r = driver.response(checkInId, userId);
        String channel = r.getString("dmChannelId");
        String ts = r.getString("dmTs");
        assertThat(channel).as("DM channel of %s", userId).isNotNull();
        return slack.calls("chat.postMessage").stream()
                .filter(c -> channel.equals(c.param("channel")) && ts.equals(c.param("thread_ts")))
                .filter(c -> CheckInDriver.said(c).contains(REMINDER_TEXT))
                .toList();
    }

    /** Any reminder text at all sent towards this person, in any channel or thread. */
    static List<FakeSlack.Call> anyReminderTo(String userId) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> ownDm(c, userId))
                .filter(c -> CheckInDriver.said(c).contains(REMINDER_TEXT))
                .toList();
    }

    static boolean ownDm(FakeSlack.Call c, String userId) {
        String channel = c.param("channel");
        return userId.equals(channel) || ("D" + userId).equals(channel);
    }

    static List<FakeSlack.Call> calls(String method, Predicate<FakeSlack.Call> matching) {
        return slack.calls(method).stream().filter(matching).toList();
    }

    static FakeSlack.Call awaitCall(String method, Predicate<FakeSlack.Call> matching) {
        return await().atMost(WAIT).until(() -> slack.calls(method).stream().filter(matching).findFirst().orElse(null),
                c -> c != null);
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

    /** The text of an immediate ephemeral reply in a slash command's ack. */
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
        JsonObject o = parsed.getAsJsonObject();
        JsonElement text = o.get("text");
        return text == null || text.isJsonNull() ? "" : text.getAsString();
    }

    /** A Slack date token for an instant, as the bot writes it: {@code <!date^epoch^…>}. */
    static String slackDate(Instant at) {
        return "<!date^" + at.getEpochSecond() + "^";
    }

    void answer(String checkInId, String userId, String important) {
        assertThat(driver.submitAnswers(userId, checkInId, java.util.Map.of("important", important, "openness", "4"))
                .statusCode()).isEqualTo(200);
        driver.awaitResponseStatus(checkInId, userId, "ANSWERED");
    }
}
