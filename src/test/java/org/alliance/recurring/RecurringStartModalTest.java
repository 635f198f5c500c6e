package org.alliance.recurring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.mongodb.client.model.Filters;
import org.alliance.checkin.StartModal;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The start modal's Repeat and time fields set up a series, not a one-off check-in. */
class RecurringStartModalTest extends RecurringScenario {

    private static final String CHANNEL = "C0MODALREPEAT";

    @Test
    void repeatEveryWeekAtHalfPastEightSetsUpAWeeklySeries() {
        String objective = objective("Modal weekly");
        // Answers are due two days after the form was sent; every round keeps that much time.
        Instant due = clock.instant().plus(Duration.ofDays(2));
        var ack = requests.interaction(requests.viewSubmission(LEADER, StartModal.CALLBACK_ID, CHANNEL,
                state(objective, List.of("U0CAROL"), due, "1w", "08:30")));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ackText(ack)).isEmpty();

        // The leader is told by DM (the form is gone), with the series id.
        FakeSlack.Call told = await().atMost(WAIT).until(() -> posts(c -> LEADER.equals(c.param("channel"))
                && c.param("text") != null && SET_UP.matcher(c.param("text")).find()).stream().findFirst()
                .orElse(null), c -> c != null);
        String id = seriesIdIn(told.param("text"));
        assertThat(told.param("text")).contains("every week at 08:30").contains("2026-12-01 at 08:30");

        Document doc = db.getCollection("series").find(Filters.eq("series.objective", objective)).first();
        assertThat(doc).as("series document").isNotNull();
        assertThat(doc.getString("_id")).isEqualTo(id);
        Document series = doc.get("series", Document.class);
        assertThat(series.getString("cadence")).isEqualTo("1w");
        assertThat(series.getDate("at")).isEqualTo(wallClock("1970-01-01T08:30"));
        assertThat(series.getString("status")).isEqualTo("ACTIVE");
        assertThat(series.getString("leaderId")).isEqualTo(LEADER);
        assertThat(series.getString("purpose")).isEqualTo("trust");
        assertThat(series.getString("channelId")).isEqualTo(CHANNEL);
        assertThat(series.getString("visibility")).isEqualTo("THREAD");
        assertThat(series.getList("userIds", String.class)).containsExactly("U0CAROL");
        assertThat(series.getString("dueIn")).isEqualTo("PT48H");
        // Monday 10:00 in London is past 08:30, so the first round is on Tuesday.
        assertThat(series.getDate("next")).isEqualTo(wallClock("2026-12-01T08:30"));
        // Nothing was started yet: no one-off check-in from the form.
        assertThat(rounds(objective)).isEmpty();

        // Tuesday 07:30 UTC is 08:30 for Carol in Berlin.
        at("2026-12-01T07:29:00Z");
        assertThat(rounds(objective)).isEmpty();
        at("2026-12-01T07:30:00Z");
        Document round = awaitRound(objective, 1);
        assertThat(round.getString("title")).endsWith("(round 1)");
        assertThat(round.getString("visibility")).isEqualTo("THREAD");
        assertThat(round.getDate("dueAt").toInstant()).isEqualTo(Instant.parse("2026-12-03T07:30:00Z"));
        assertThat(invitations("U0CAROL", round.getString("id"))).hasSize(1);
        assertThat(parents(CHANNEL, round.getString("id"))).hasSize(1);
    }

    /** The start modal's state values, shaped as StartModal.parse reads them. */
    private static String state(String objective, List<String> people, Instant due, String repeat, String at) {
        JsonObject values = new JsonObject();
        values.add(StartModal.PURPOSE_BLOCK, action(StartModal.PURPOSE_ACTION, selected("static_select", "trust")));
        JsonObject objectiveValue = new JsonObject();
        objectiveValue.addProperty("type", "plain_text_input");
        objectiveValue.addProperty("value", objective);
        values.add(StartModal.objectiveBlockId("trust"), action("objective", objectiveValue));
        JsonObject users = new JsonObject();
        users.addProperty("type", "multi_users_select");
        JsonArray ids = new JsonArray();
        people.forEach(ids::add);
        users.add("selected_users", ids);
        values.add(StartModal.PEOPLE_BLOCK, action("users", users));
        JsonObject channels = new JsonObject();
        channels.addProperty("type", "multi_conversations_select");
        channels.add("selected_conversations", new JsonArray());
        values.add(StartModal.MEMBERS_BLOCK, action("channels", channels));
        JsonObject conversation = new JsonObject();
        conversation.addProperty("type", "conversations_select");
        conversation.addProperty("selected_conversation", CHANNEL);
        values.add(StartModal.CHANNEL_BLOCK, action("channel", conversation));
        values.add(StartModal.VISIBILITY_BLOCK, action("visibility", selected("radio_buttons", "thread")));
        JsonObject dueValue = new JsonObject();
        dueValue.addProperty("type", "datetimepicker");
        dueValue.addProperty("selected_date_time", due.getEpochSecond());
        values.add(StartModal.DUE_BLOCK, action("due", dueValue));
        values.add(StartModal.REPEAT_BLOCK, action("repeat", selected("static_select", repeat)));
        JsonObject time = new JsonObject();
        time.addProperty("type", "timepicker");
        time.addProperty("selected_time", at);
        values.add(StartModal.AT_BLOCK, action("at", time));
        return values.toString();
    }

    private static JsonObject selected(String type, String value) {
        JsonObject option = new JsonObject();
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", value);
        option.add("text", text);
        option.addProperty("value", value);
        JsonObject v = new JsonObject();
        v.addProperty("type", type);
        v.add("selected_option", option);
        return v;
    }

    private static JsonObject action(String actionId, JsonObject value) {
        JsonObject block = new JsonObject();
        block.add(actionId, value);
        return block;
    }
}
