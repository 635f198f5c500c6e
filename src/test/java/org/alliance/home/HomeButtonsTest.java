package org.alliance.home;

import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The buttons on Home: Check in and Start open the start form; Pause, Resume and Stop manage a series. */
class HomeButtonsTest extends HomeScenario {

    private JsonObject clickForForm(String userId, String actionId, String value) {
        int before = slack.calls("views.open").size();
        assertThat(requests.interaction(requests.blockAction(userId, actionId, value, "D" + userId, "1.0"))
                .statusCode()).isEqualTo(200);
        // The trigger is used before the ack, so the form is already open when the click is answered.
        assertThat(slack.calls("views.open")).hasSizeGreaterThan(before);
        FakeSlack.Call open = slack.calls("views.open").get(before);
        assertThat(open.param("trigger_id")).startsWith("trig-");
        return JsonParser.parseString(open.param("view")).getAsJsonObject();
    }

    private static JsonObject peopleSelect(JsonObject form) {
        return block(form, "people").getAsJsonObject("element");
    }

    @Test
    void checkInOpensTheStartFormWithThatPersonChosenAndStartOpensItEmpty() {
        String lee = person("Lee");
        String ann = person("Ann");

        JsonObject withAnn = clickForForm(lee, "start_with_person", ann);
        assertThat(withAnn.get("callback_id").getAsString()).isEqualTo("checkin_start_submit");
        assertThat(peopleSelect(withAnn).getAsJsonArray("initial_users").asList())
                .extracting(e -> e.getAsString()).containsExactly(ann);
        // Clicked on Home or in a DM: there is no channel to suggest for the thread.
        assertThat(withAnn.has("private_metadata")).isFalse();

        JsonObject empty = clickForForm(lee, "start_open", "home");
        assertThat(peopleSelect(empty).has("initial_users")).isFalse();
    }

    @Test
    void aCheckInButtonWithoutAPersonGetsAFriendlyWord() {
        String lee = person("Lee");
        int before = slack.calls("views.open").size();
        requests.interaction(requests.blockAction(lee, "start_with_person", "not a user", "D" + lee, "1.0"));
        String said = said(lee);
        assertThat(said).contains("couldn't tell who").contains("/alliance start");
        assertThat(slack.calls("views.open")).hasSize(before);
    }

    @Test
    void pauseResumeAndStopFromHomeChangeTheSeriesAnswerTheClickerAndRefreshTheirHome() {
        String lee = person("Lee");
        String ann = person("Ann");
        String id = startSeries(lee, "trust <@" + ann + "> every:1w at:12:00");
        assertThat(buttons(block(openedHome(lee), "series_actions:" + id)))
                .containsExactly("series_pause=" + id, "series_stop=" + id);

        JsonObject paused = click(lee, "series_pause", id, "is paused");
        assertThat(series(id).getString("status")).isEqualTo("PAUSED");
        assertThat(buttons(block(paused, "series_actions:" + id)))
                .containsExactly("series_resume=" + id, "series_stop=" + id);
        assertThat(text(block(paused, "series:" + id))).contains("Paused");

        JsonObject resumed = click(lee, "series_resume", id, "running again");
        assertThat(series(id).getString("status")).isEqualTo("ACTIVE");
        assertThat(buttons(block(resumed, "series_actions:" + id))).contains("series_pause=" + id);

        JsonObject stopped = click(lee, "series_stop", id, "is stopped");
        assertThat(series(id).getString("status")).isEqualTo("STOPPED");
        assertThat(hasBlock(stopped, "series:" + id)).isFalse();
    }

    @Test
    void onlyTheLeaderMayPauseASeries() {
        String lee = person("Lee");
        String ann = person("Ann");
        String id = startSeries(lee, "trust <@" + ann + "> every:1w at:12:00");

        requests.interaction(requests.blockAction(ann, "series_pause", id, "D" + ann, "1.0"));

        assertThat(said(ann)).contains("Only <@" + lee + ">");
        assertThat(series(id).getString("status")).isEqualTo("ACTIVE");
    }

    /** Clicks a series button as on Home; returns the Home then published, once the clicker was told {@code told}. */
    private JsonObject click(String userId, String actionId, String seriesId, String told) {
        int before = publishes(userId).size();
        int said = saidTo(userId).size();
        assertThat(requests.interaction(requests.blockAction(userId, actionId, seriesId, "D" + userId, "1.0"))
                .statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> saidTo(userId).size() > said);
        assertThat(saidTo(userId).get(said)).contains(seriesId).contains(told);
        return awaitPublish(userId, before);
    }

    private String said(String userId) {
        await().atMost(WAIT).until(() -> !saidTo(userId).isEmpty());
        return saidTo(userId).get(0);
    }

    /** Ephemeral messages and DMs to {@code userId}, oldest first. */
    private List<String> saidTo(String userId) {
        return slack.calls().stream().filter(c -> (c.method().equals("chat.postEphemeral") && userId.equals(c.param("user")))
                        || (c.method().equals("chat.postMessage") && userId.equals(c.param("channel"))))
                .map(c -> c.param("text")).toList();
    }
}
