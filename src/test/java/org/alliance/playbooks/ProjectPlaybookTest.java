package org.alliance.playbooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.support.Acks;
import org.alliance.support.FakeSlack;
import org.alliance.support.StartFormState;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A project kick-off run as a playbook from the start form, and the mistakes the form and the quick path refuse kindly. */
class ProjectPlaybookTest extends PlaybookScenario {

    private static final String CHANNEL = "C0PROJECT";

    @Test
    void theStartFormRunsAProjectKickOffWithItsMidPointAndWrapUpOnTheDaysPicked() {
        String objective = objective("Beta launch");
        var ack = requests.interaction(requests.viewSubmission(LEADER, StartFormState.CALLBACK_ID, CHANNEL,
                form("kickoff", objective, "2026-12-14", "2027-01-11").toString()));
        assertThat(Acks.ackJson(ack).has("response_action")).as("ack: %s", ack.body()).isFalse();

        // The kick-off started in the channel, so the leader is told there.
        FakeSlack.Call told = await().atMost(WAIT).until(() -> slack.calls("chat.postEphemeral").stream()
                .filter(c -> LEADER.equals(c.param("user")) && c.param("text").contains("kick-off of playbook"))
                .findFirst().orElse(null), c -> c != null);
        String id = playbookIdIn(told.param("text"));
        assertThat(told.param("text")).contains("Project kick-off").contains("the mid-point on")
                .contains("the wrap-up on");
        Document kickOff = awaitCheckIn(objective, 1);
        assertThat(kickOff.getString("purpose")).isEqualTo("kickoff");
        assertThat(playbook(id).getString("purpose")).isEqualTo("kickoff");
        // 10:00 on the leader's clock in London (UTC in winter).
        assertThat(steps(id)).extracting(s -> s.getString("name") + " " + s.getDate("at").toInstant()).containsExactly(
                "kickoff " + playbook(id).getDate("createdAt").toInstant(),
                "midpoint 2026-12-14T10:00:00Z", "wrapup 2027-01-11T10:00:00Z");

        driver.submitAnswers("U0CAROL", kickOff.getString("id"), java.util.Map.of("success", "Beta in 50 shops",
                "risks", "The payment provider"));
        driver.awaitResponseStatus(kickOff.getString("id"), "U0CAROL", "ANSWERED");

        at(Instant.parse("2026-12-14T09:59:00Z"));
        assertThat(checkIns(objective)).hasSize(1);
        at(Instant.parse("2026-12-14T10:00:00Z"));
        Document mid = awaitCheckIn(objective, 2);
        assertThat(mid.getString("purpose")).isEqualTo("kickoff-midpoint");
        assertThat(mid.getString("title")).isEqualTo("Project kick-off: mid-point");
        assertThat(mid.getString("visibility")).isEqualTo("THREAD");
        assertThat(mid.getString("channelId")).isEqualTo(CHANNEL);
        assertThat(mid.getList("earlierCheckInIds", String.class)).containsExactly(kickOff.getString("id"));
        // Answers due two days after the form was sent: each step keeps that much time.
        assertThat(mid.getDate("dueAt").toInstant()).isEqualTo(Instant.parse("2026-12-16T10:00:00Z"));

        // Shared in the thread, the new answer shows only itself there; the leader's end summary (a DM) shows
        // Carol's kick-off answers beside it.
        String midId = mid.getString("id");
        driver.submitAnswers("U0CAROL", midId, java.util.Map.of("track", "3", "blocking", "Waiting on legal"));
        driver.awaitStatus(midId, "COMPLETED");
        FakeSlack.Call inThread = await().atMost(WAIT).until(() -> posts(c -> CHANNEL.equals(c.param("channel"))
                && said(c).contains("Waiting on legal")).stream().findFirst().orElse(null), c -> c != null);
        assertThat(said(inThread)).doesNotContain("Earlier in this playbook").doesNotContain("Beta in 50 shops");
        FakeSlack.Call summary = await().atMost(WAIT).until(() -> dmsTo(LEADER).stream()
                .filter(c -> said(c).contains(midId) && said(c).contains("Earlier in this playbook")).findFirst()
                .orElse(null), c -> c != null);
        assertThat(said(summary)).contains("<@U0CAROL>").contains("Beta in 50 shops").contains("The payment provider");
    }

    @Test
    void theFormRefusesDaysOutOfOrderOrPastAndAPlaybookThatAlsoRepeats() {
        JsonObject errors = Acks.viewErrors(requests.interaction(requests.viewSubmission(LEADER,
                StartFormState.CALLBACK_ID, CHANNEL, form("kickoff", objective("x"), "2027-01-11", "2026-12-14")
                        .toString())));
        assertThat(errors.get("playbook_end").getAsString()).isEqualTo("Pick a wrap-up day after the mid-point.");

        errors = Acks.viewErrors(requests.interaction(requests.viewSubmission(LEADER, StartFormState.CALLBACK_ID,
                CHANNEL, form("kickoff", objective("x"), "2026-11-30", null).toString())));
        assertThat(errors.get("playbook_mid").getAsString()).isEqualTo("Pick a day after today for the mid-point.");
        assertThat(errors.get("playbook_end").getAsString()).isEqualTo("Pick the day of the wrap-up check-in.");

        JsonObject repeating = form("change", objective("x"), null, null);
        JsonObject withRepeat = JsonParser.parseString(StartFormState.of("change", "x", List.of("U0CAROL"), CHANNEL,
                "thread", START.plus(Duration.ofDays(2))).repeat("1w", "10:00").json()).getAsJsonObject();
        repeating.add("repeat", withRepeat.get("repeat"));
        errors = Acks.viewErrors(requests.interaction(requests.viewSubmission(LEADER, StartFormState.CALLBACK_ID,
                CHANNEL, repeating.toString())));
        assertThat(errors.get("repeat").getAsString()).contains("can't also repeat");
        assertThat(db.getCollection("playbooks").countDocuments(new Document("playbook.channelId", CHANNEL)))
                .isZero();
    }

    @Test
    void theQuickPathRefusesAnotherPurposeARepeatAndDaysAlreadyPast() {
        assertThat(ackText(driver.command(LEADER, CHANNEL, "start trust <@U0CAROL> playbook:on")))
                .contains("`playbook:on` works with `change`");
        assertThat(ackText(driver.command(LEADER, CHANNEL, "start change <@U0CAROL> playbook:on every:1w")))
                .contains("can't also repeat");
        assertThat(ackText(driver.command(LEADER, CHANNEL, "start kickoff <@U0CAROL> playbook:on")))
                .contains("mid:YYYY-MM-DD end:YYYY-MM-DD");

        String objective = objective("Too late");
        String reply = commandReply(CHANNEL, "start kickoff <@U0CAROL> playbook:on mid:2026-11-30 end:2026-12-30 "
                + "objective:\"" + objective + "\"");
        assertThat(reply).isEqualTo(":warning: Pick a day after today for the mid-point.");
        assertThat(checkIns(objective)).isEmpty();
        assertThat(db.getCollection("playbooks").countDocuments(new Document("playbook.objective", objective)))
                .isZero();
    }

    /** The start form as submitted with Run as a playbook ticked and the days picked (null: not picked). */
    private JsonObject form(String purpose, String objective, String mid, String end) {
        JsonObject state = JsonParser.parseString(StartFormState.of(purpose, objective, List.of("U0CAROL"), CHANNEL,
                "thread", START.plus(Duration.ofDays(2))).json()).getAsJsonObject();
        JsonObject box = new JsonObject();
        box.addProperty("type", "checkboxes");
        JsonArray selected = new JsonArray();
        JsonObject on = new JsonObject();
        on.addProperty("value", "on");
        selected.add(on);
        box.add("selected_options", selected);
        state.add("playbook", block("playbook", box));
        state.add("playbook_mid", block("date", date(mid)));
        state.add("playbook_end", block("date", date(end)));
        return state;
    }

    private static JsonObject date(String day) {
        JsonObject value = new JsonObject();
        value.addProperty("type", "datepicker");
        if (day != null) {
            value.addProperty("selected_date", day);
        }
        return value;
    }

    private static JsonObject block(String actionId, JsonObject value) {
        JsonObject block = new JsonObject();
        block.add(actionId, value);
        return block;
    }
}
