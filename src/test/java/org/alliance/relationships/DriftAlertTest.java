package org.alliance.relationships;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.model.Filters;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.ScheduledAppTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.Acks.ackText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The drift alert through the whole application: check-ins started by slash command, days passing
 * on the movable clock, the daily sweep and the leader's alert running as scheduled jobs, and the
 * DM and clicks going through the fake Slack. Each test has leaders of its own, so relationships
 * left by other tests in the shared database never show up in its alerts.
 */
class DriftAlertTest extends ScheduledAppTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALERT = "It's been a while";
    private static final Pattern STARTED = Pattern.compile("Check-in `([A-Z0-9]{6})` started");
    private static final Pattern SET_UP = Pattern.compile("Recurring check-in `(R[A-Z0-9]{5})` is set up");

    @Test
    void afterThirtyDaysTheLeaderGetsOneMessageWithCheckInAndStopTrackingForEachPerson() {
        people("U0DA1LEAD", "Europe/London", "U0DA1ANN", "U0DA1BOB");
        start("U0DA1LEAD", "U0DA1ANN", "U0DA1BOB");

        advance(Duration.ofDays(29));
        assertThat(alertsTo("U0DA1LEAD")).as("not before 30 days").isEmpty();
        advance(Duration.ofDays(1).plusHours(1));

        List<FakeSlack.Call> alerts = alertsTo("U0DA1LEAD");
        assertThat(alerts).hasSize(1);
        assertThat(buttons(alerts.get(0))).containsExactly(
                "start_with_person=U0DA1ANN", "drift_stop_tracking=U0DA1ANN",
                "start_with_person=U0DA1BOB", "drift_stop_tracking=U0DA1BOB");
        assertThat(CheckInDriver.said(alerts.get(0))).contains("<@U0DA1ANN> · last check-in").contains("30 days ago");
        // Only the leader hears about it.
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> CheckInDriver.said(c).contains(ALERT))
                .allSatisfy(c -> assertThat(c.param("channel")).doesNotStartWith("U0DA1ANN"));
    }

    @Test
    void outsideWorkingHoursTheAlertWaitsForTheLeadersMorning() {
        people("U0DA2LEAD", "America/New_York", "U0DA2ANN");
        start("U0DA2LEAD", "U0DA2ANN");

        // Thursday 31 Dec 00:00 UTC is Wednesday evening in New York.
        advance(Duration.ofDays(30).plusHours(14));
        assertThat(alertsTo("U0DA2LEAD")).isEmpty();
        Instant nineInNewYork = Instant.parse("2026-12-31T14:00:00Z");
        assertThat(dueAt(alertJob("U0DA2LEAD", "2026-12-31"))).isEqualTo(nineInNewYork);

        setClock(nineInNewYork.minusSeconds(60));
        assertThat(alertsTo("U0DA2LEAD")).isEmpty();
        setClock(nineInNewYork.plusSeconds(60));
        assertThat(alertsTo("U0DA2LEAD")).hasSize(1);
    }

    @Test
    void aSnoozedLeaderHearsNothingUntilBack() {
        people("U0DA3LEAD", "Europe/London", "U0DA3ANN");
        start("U0DA3LEAD", "U0DA3ANN");
        advance(Duration.ofDays(25));
        // Away from Friday 25 Dec to Monday 4 Jan, 10:00.
        assertThat(ackText(driver.command("U0DA3LEAD", "C0TEAM", "snooze 10d"))).contains("4 Jan");

        advance(Duration.ofDays(8));
        assertThat(alertsTo("U0DA3LEAD")).as("drifted on 30 Dec, but away").isEmpty();
        setClock(Instant.parse("2027-01-04T09:59:00Z"));
        assertThat(alertsTo("U0DA3LEAD")).isEmpty();
        setClock(Instant.parse("2027-01-04T10:01:00Z"));
        assertThat(alertsTo("U0DA3LEAD")).hasSize(1);
    }

    @Test
    void theSamePersonComesUpAgainOnlyAfterAWeek() {
        people("U0DA4LEAD", "Europe/London", "U0DA4ANN");
        start("U0DA4LEAD", "U0DA4ANN");
        advance(Duration.ofDays(30).plusHours(1));
        assertThat(alertsTo("U0DA4LEAD")).hasSize(1);

        advance(Duration.ofDays(6));
        assertThat(alertsTo("U0DA4LEAD")).as("within 7 days").hasSize(1);
        advance(Duration.ofDays(1).plusHours(1));
        assertThat(alertsTo("U0DA4LEAD")).hasSize(2);
    }

    @Test
    void someoneInAPausedRecurringCheckInDriftsAfterItsWeekPlusGrace() {
        people("U0DA5LEAD", "Europe/London", "U0DA5REC", "U0DA5ONE");
        // A weekly series with one person, paused before its first round; the other person is not in it.
        String series = setUpSeries("U0DA5LEAD", "trust <@U0DA5REC> every:1w at:23:00");
        assertThat(ackText(driver.command("U0DA5LEAD", "C0TEAM", "pause " + series))).contains("paused");
        start("U0DA5LEAD", "U0DA5REC", "U0DA5ONE");

        advance(Duration.ofDays(9).plusHours(23));
        assertThat(alertsTo("U0DA5LEAD")).as("within a week and 3 days of grace").isEmpty();
        advance(Duration.ofDays(1).plusHours(1));
        List<FakeSlack.Call> alerts = alertsTo("U0DA5LEAD");
        assertThat(alerts).hasSize(1);
        assertThat(buttons(alerts.get(0))).containsExactly("start_with_person=U0DA5REC", "drift_stop_tracking=U0DA5REC");
        assertThat(CheckInDriver.said(alerts.get(0))).contains("in your recurring check-in, due every 7 days");
    }

    @Test
    void stopTrackingTakesThePersonOffTheLeadersPeopleAndASecondOrForeignClickIsAnsweredKindly() {
        people("U0DA6LEAD", "Europe/London", "U0DA6ANN", "U0DA6BOB");
        start("U0DA6LEAD", "U0DA6ANN", "U0DA6BOB");
        advance(Duration.ofDays(30).plusHours(1));
        FakeSlack.Call alert = alertsTo("U0DA6LEAD").get(0);

        assertThat(clickStop("U0DA6LEAD", "U0DA6ANN", alert).statusCode()).isEqualTo(200);
        String confirmed = awaitEphemeral("U0DA6LEAD", "Stopped tracking <@U0DA6ANN>");
        assertThat(confirmed).contains("next check-in with them puts them back");
        assertThat(tracking("U0DA6LEAD", "U0DA6ANN")).isFalse();
        assertThat(tracking("U0DA6LEAD", "U0DA6BOB")).isTrue();
        // The alert now says so in place of Ann's buttons, and keeps Bob's.
        FakeSlack.Call update = await().atMost(WAIT).until(() -> slack.lastCall("chat.update").orElse(null),
                c -> c != null);
        assertThat(update.param("channel")).isEqualTo("DU0DA6LEAD");
        assertThat(buttons(update)).containsExactly("start_with_person=U0DA6BOB", "drift_stop_tracking=U0DA6BOB");
        assertThat(CheckInDriver.said(update)).contains(":white_check_mark: Stopped tracking <@U0DA6ANN>.");

        clickStop("U0DA6LEAD", "U0DA6ANN", alert);
        awaitEphemeral("U0DA6LEAD", "You already stopped tracking <@U0DA6ANN>");
        clickStop("U0DA6EVE", "U0DA6BOB", alert);
        awaitEphemeral("U0DA6EVE", "<@U0DA6BOB> isn't among your people");
        assertThat(tracking("U0DA6LEAD", "U0DA6BOB")).as("someone else's click changes nothing").isTrue();

        // A week on, only Bob is left to hear about.
        advance(Duration.ofDays(7).plusHours(1));
        List<FakeSlack.Call> alerts = alertsTo("U0DA6LEAD");
        assertThat(alerts).hasSize(2);
        assertThat(buttons(alerts.get(1))).containsExactly("start_with_person=U0DA6BOB",
                "drift_stop_tracking=U0DA6BOB");
    }

    @Test
    void aNewCheckInStartsAfresh() {
        people("U0DA7LEAD", "Europe/London", "U0DA7ANN", "U0DA7BOB");
        start("U0DA7LEAD", "U0DA7ANN", "U0DA7BOB");
        advance(Duration.ofDays(30).plusHours(1));
        assertThat(alertsTo("U0DA7LEAD")).hasSize(1);

        advance(Duration.ofDays(1));
        start("U0DA7LEAD", "U0DA7ANN");
        advance(Duration.ofDays(6).plusHours(1));

        List<FakeSlack.Call> alerts = alertsTo("U0DA7LEAD");
        assertThat(alerts).hasSize(2);
        assertThat(buttons(alerts.get(1))).as("Ann was checked in with yesterday: no longer drifting")
                .containsExactly("start_with_person=U0DA7BOB", "drift_stop_tracking=U0DA7BOB");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void people(String leader, String zone, String... members) {
        slack.addUser(leader, "Leader " + leader, zone);
        for (String member : members) {
            slack.addUser(member, "Person " + member, zone);
        }
    }

    /** Starts a check-in as {@code leader} by the quick path and waits until everyone is invited. */
    private void start(String leader, String... members) {
        StringBuilder text = new StringBuilder("start trust");
        for (String member : members) {
            text.append(" <@").append(member).append('>');
        }
        String reply = commandReply(leader, text.toString());
        Matcher m = STARTED.matcher(reply);
        assertThat(m.find()).as("started reply: %s", reply).isTrue();
        String id = m.group(1);
        await().atMost(WAIT).until(() -> driver.invited(id) == members.length);
    }

    private String setUpSeries(String leader, String text) {
        String reply = commandReply(leader, "start " + text);
        Matcher m = SET_UP.matcher(reply);
        assertThat(m.find()).as("set-up reply: %s", reply).isTrue();
        return m.group(1);
    }

    private String commandReply(String leader, String text) {
        int before = slack.calls("respond").size();
        assertThat(driver.command(leader, "C0TEAM", text).statusCode()).isEqualTo(200);
        return await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> responds = slack.calls("respond");
            return responds.size() > before ? responds.get(responds.size() - 1).param("text") : null;
        }, t -> t != null);
    }

    private void advance(Duration by) {
        clock.advance(by);
        awaitNothingDue();
    }

    private void setClock(Instant at) {
        clock.set(at);
        awaitNothingDue();
    }

    private void awaitNothingDue() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(db.getCollection("jobs").countDocuments(Filters.or(
                Filters.and(Filters.eq("status", "PENDING"), Filters.lte("dueAt", Date.from(clock.instant()))),
                Filters.eq("status", "CLAIMED")))).as("jobs due or running at %s", clock.instant()).isZero());
    }

    private static List<FakeSlack.Call> alertsTo(String leader) {
        return slack.calls("chat.postMessage").stream().filter(c -> leader.equals(c.param("channel")))
                .filter(c -> CheckInDriver.said(c).contains(ALERT)).toList();
    }

    /** The message's buttons in order, as {@code action_id=value}. */
    private static List<String> buttons(FakeSlack.Call call) {
        List<String> buttons = new ArrayList<>();
        for (JsonElement block : JsonParser.parseString(call.param("blocks")).getAsJsonArray()) {
            JsonObject b = block.getAsJsonObject();
            if (b.has("elements") && "actions".equals(b.get("type").getAsString())) {
                for (JsonElement e : b.getAsJsonArray("elements")) {
                    JsonObject button = e.getAsJsonObject();
                    buttons.add(button.get("action_id").getAsString() + "=" + button.get("value").getAsString());
                }
            }
        }
        return buttons;
    }

    /** Clicks Stop tracking on the alert, with the alert's blocks in the payload as Slack sends them. */
    private HttpResponse<String> clickStop(String userId, String memberId, FakeSlack.Call alert) {
        JsonObject payload = JsonParser.parseString(requests.blockAction(userId, DriftButtons.STOP_TRACKING, memberId,
                "D" + alert.param("channel"), "1.0")).getAsJsonObject();
        JsonArray blocks = JsonParser.parseString(alert.param("blocks")).getAsJsonArray();
        payload.getAsJsonObject("message").add("blocks", blocks);
        return requests.interaction(payload.toString());
    }

    private static String awaitEphemeral(String userId, String saying) {
        return await().atMost(WAIT).until(() -> slack.calls("chat.postEphemeral").stream()
                .filter(c -> userId.equals(c.param("user")) && c.param("text").contains(saying))
                .map(c -> c.param("text")).findFirst().orElse(null), t -> t != null);
    }

    private boolean tracking(String leader, String member) {
        Document doc = db.getCollection("relationships").find(Filters.eq("_id", "T0001:" + leader + ":" + member))
                .first();
        assertThat(doc).as("relationship of %s with %s", leader, member).isNotNull();
        return doc.getBoolean("tracking");
    }

    private Document alertJob(String leader, String day) {
        Document doc = db.getCollection("jobs").find(Filters.eq("_id", "drift.alert:T0001:" + leader + ":" + day))
                .first();
        assertThat(doc).as("alert job of %s on %s", leader, day).isNotNull();
        return doc;
    }

    private static Instant dueAt(Document job) {
        return ((Date) job.get("dueAt")).toInstant();
    }

}
