package org.alliance.home;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.support.FakeSlack;
import org.alliance.support.ScheduledAppTest;
import org.bson.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the Home tests share: fresh people per test (the database is shared with other tests),
 * opening Home through a signed {@code app_home_opened} event, starting check-ins as any leader,
 * and reading the views the bot published.
 */
abstract class HomeScenario extends ScheduledAppTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger people = new AtomicInteger();
    private static final Pattern STARTED = Pattern.compile("Check-in `([A-Z0-9]{6})` started");
    private static final Pattern SET_UP = Pattern.compile("Recurring check-in `(R[A-Z0-9]{5})` is set up");

    /** A user id nobody else has used, known to the fake Slack's directory. */
    String person(String name) {
        String id = "U0H" + name.toUpperCase().replaceAll("[^A-Z]", "") + people.incrementAndGet();
        slack.addUser(id, name, "Europe/London");
        return id;
    }

    HttpResponse<String> openHome(String userId) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", userId);
        event.addProperty("channel", "D" + userId);
        event.addProperty("tab", "home");
        event.addProperty("event_ts", String.valueOf(Instant.now().getEpochSecond()) + ".000100");
        HttpResponse<String> ack = requests.event(event.toString());
        assertThat(ack.statusCode()).isEqualTo(200);
        return ack;
    }

    /** Opens Home and returns the view then published for this person. */
    JsonObject openedHome(String userId) {
        int before = publishes(userId).size();
        openHome(userId);
        return awaitPublish(userId, before);
    }

    /** The next view published for {@code userId} after the {@code before}-th. */
    JsonObject awaitPublish(String userId, int before) {
        await().atMost(WAIT).until(() -> publishes(userId).size() > before);
        return publishes(userId).get(before);
    }

    List<JsonObject> publishes(String userId) {
        List<JsonObject> views = new ArrayList<>();
        for (FakeSlack.Call c : slack.calls("views.publish")) {
            if (userId.equals(c.param("user_id"))) {
                views.add(JsonParser.parseString(c.param("view")).getAsJsonObject());
            }
        }
        return views;
    }

    /** Starts a check-in by the quick path as {@code leaderId}; returns its id once every invitation went out. */
    String start(String leaderId, String text, int participants) {
        String reply = commandReply(leaderId, "start " + text);
        Matcher m = STARTED.matcher(reply);
        assertThat(m.find()).as("started reply: %s", reply).isTrue();
        String id = m.group(1);
        await().atMost(WAIT).until(() -> driver.invited(id) == participants);
        return id;
    }

    /** Sets up a recurring check-in as {@code leaderId}; returns the series id. */
    String startSeries(String leaderId, String text) {
        String reply = commandReply(leaderId, "start " + text);
        Matcher m = SET_UP.matcher(reply);
        assertThat(m.find()).as("set-up reply: %s", reply).isTrue();
        return m.group(1);
    }

    private String commandReply(String userId, String text) {
        int before = slack.calls("respond").size();
        assertThat(driver.command(userId, "C0HOME", text).statusCode()).isEqualTo(200);
        return await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> responds = slack.calls("respond");
            return responds.size() > before ? responds.get(responds.size() - 1).param("text") : null;
        }, t -> t != null);
    }

    /** A person the leader checked in with {@code daysAgo} days ago, stored as relationships keeps it. */
    void checkedInBefore(String leaderId, String memberId, int daysAgo) {
        Date last = Date.from(clock.instant().minus(Duration.ofDays(daysAgo)));
        db.getCollection("relationships").insertOne(new Document("_id", "T0001:" + leaderId + ":" + memberId)
                .append("teamId", "T0001").append("leaderId", leaderId).append("memberId", memberId)
                .append("firstCheckInAt", last).append("lastCheckInAt", last).append("lastCheckInId", "OLD001")
                .append("checkIns", 1).append("tracking", true).append("driftAlertedAt", null));
    }

    // ---- reading a published view ------------------------------------------------------------

    static List<JsonObject> blocks(JsonObject view) {
        List<JsonObject> blocks = new ArrayList<>();
        view.getAsJsonArray("blocks").forEach(b -> blocks.add(b.getAsJsonObject()));
        return blocks;
    }

    static JsonObject block(JsonObject view, String blockId) {
        return blocks(view).stream().filter(b -> b.has("block_id") && b.get("block_id").getAsString().equals(blockId))
                .findFirst().orElseThrow(() -> new AssertionError("no block " + blockId + " in " + view));
    }

    static boolean hasBlock(JsonObject view, String blockId) {
        return blocks(view).stream().anyMatch(b -> b.has("block_id") && b.get("block_id").getAsString().equals(blockId));
    }

    /** The mrkdwn or plain text a block shows (section text, header, or context elements). */
    static String text(JsonObject block) {
        if (block.has("text")) {
            return block.getAsJsonObject("text").get("text").getAsString();
        }
        StringBuilder all = new StringBuilder();
        if (block.has("elements")) {
            for (JsonElement e : block.getAsJsonArray("elements")) {
                if (e.getAsJsonObject().has("text") && e.getAsJsonObject().get("text").isJsonPrimitive()) {
                    all.append(e.getAsJsonObject().get("text").getAsString()).append('\n');
                }
            }
        }
        return all.toString();
    }

    /** Every text in the view, one block a line. */
    static String allText(JsonObject view) {
        StringBuilder all = new StringBuilder();
        blocks(view).forEach(b -> all.append(text(b)).append('\n'));
        return all.toString();
    }

    /** action_id=value of each button in a block: its accessory or its elements. */
    static List<String> buttons(JsonObject block) {
        List<String> buttons = new ArrayList<>();
        List<JsonObject> elements = new ArrayList<>();
        if (block.has("accessory")) {
            elements.add(block.getAsJsonObject("accessory"));
        }
        if (block.has("elements")) {
            block.getAsJsonArray("elements").forEach(e -> elements.add(e.getAsJsonObject()));
        }
        for (JsonObject e : elements) {
            if ("button".equals(e.get("type").getAsString())) {
                buttons.add(e.get("action_id").getAsString() + "=" + e.get("value").getAsString());
            }
        }
        return buttons;
    }

    static List<String> headers(JsonObject view) {
        return blocks(view).stream().filter(b -> "header".equals(b.get("type").getAsString())).map(HomeScenario::text)
                .toList();
    }

    Document series(String id) {
        return db.getCollection("series").find(new Document("_id", id)).first().get("series", Document.class);
    }
}
