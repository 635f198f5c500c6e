package org.alliance.playbooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Navigating change as a playbook, from {@code playbook:on} to its pulse, and the leader skipping and stopping steps. */
class PlaybookFlowTest extends PlaybookScenario {

    private static final String CAROL = "U0CAROL";

    @Test
    void thePulseStartsTwoWeeksOnWithItsOwnQuestionsAndShowsTheLeaderTheKickOffAnswerBesideTheNewOne() {
        String objective = objective("Moving to the new rota");
        String reply = commandReply("C0PLAY", "start change <@U0CAROL> <#C0PLAY|play> playbook:on objective:\""
                + objective + "\"");
        String id = playbookIdIn(reply);
        assertThat(reply).contains("Check-in `").contains("started in <#C0PLAY>").contains("the pulse on")
                .contains("the look back on").contains("`/alliance stop " + id + "`");

        // The kick-off starts now, with the purpose's own questions, as a step of the playbook.
        Document kickOff = awaitCheckIn(objective, 1);
        String kickOffId = kickOff.getString("id");
        assertThat(kickOff.getString("purpose")).isEqualTo("change");
        assertThat(kickOff.getString("playbookId")).isEqualTo(id);
        assertThat(kickOff.getList("earlierCheckInIds", String.class)).isEmpty();
        assertThat(steps(id)).extracting(s -> s.getString("name") + " " + s.getString("status"))
                .containsExactly("kickoff STARTED", "pulse PLANNED", "lookback PLANNED");
        assertThat(steps(id).get(0).getString("checkInId")).isEqualTo(kickOffId);
        assertThat(stepJobs(id)).extracting(j -> j.getDate("dueAt").toInstant()).containsExactly(
                START.plus(Duration.ofDays(14)), START.plus(Duration.ofDays(42)));

        driver.submitAnswers(CAROL, kickOffId, Map.of("concern", "Early shifts & <school> runs", "confidence", "2",
                "help", "Tell us the dates soon"));
        driver.awaitResponseStatus(kickOffId, CAROL, "ANSWERED");

        at(START.plus(Duration.ofDays(14)).minusSeconds(60));
        assertThat(checkIns(objective)).hasSize(1);

        at(START.plus(Duration.ofDays(14)));
        Document pulse = awaitCheckIn(objective, 2);
        String pulseId = pulse.getString("id");
        assertThat(pulse.getString("purpose")).isEqualTo("change-pulse");
        assertThat(pulse.getString("title")).isEqualTo("Navigating change: pulse");
        assertThat(pulse.getList("questions", Document.class)).extracting(q -> q.getString("id"))
                .containsExactly("confidence", "going", "help");
        assertThat(pulse.getString("channelId")).isEqualTo("C0PLAY");
        assertThat(pulse.getString("visibility")).isEqualTo("LEADER");
        assertThat(pulse.getList("participants", String.class)).containsExactly(CAROL);
        assertThat(pulse.getList("earlierCheckInIds", String.class)).containsExactly(kickOffId);
        await().atMost(WAIT).until(() -> dmsTo(CAROL).stream().anyMatch(c -> said(c).contains(pulseId)));
        await().atMost(WAIT).until(() -> "STARTED".equals(steps(id).get(1).getString("status"))
                && pulseId.equals(steps(id).get(1).getString("checkInId")));

        driver.submitAnswers(CAROL, pulseId, Map.of("confidence", "4", "going", "Rota is clearer now",
                "help", "Keep the Friday updates"));
        driver.awaitResponseStatus(pulseId, CAROL, "ANSWERED");

        FakeSlack.Call shared = await().atMost(WAIT).until(() -> dmsTo(LEADER).stream()
                .filter(c -> said(c).contains("Rota is clearer now")).findFirst().orElse(null), c -> c != null);
        String leaderCopy = said(shared);
        assertThat(leaderCopy).contains("Earlier in this playbook").contains("Navigating change")
                .contains("Early shifts &amp; &lt;school&gt; runs").contains("2 / 5").contains("Tell us the dates soon")
                .doesNotContain("<school>");
        // Carol's own DMs never carry her earlier answers back as the leader's view.
        assertThat(dmsTo(CAROL)).noneMatch(c -> said(c).contains("Earlier in this playbook"));
    }

    @Test
    void skipSkipsTheNextStepAndStopStopsTheRestFromHome() {
        String objective = objective("Team merger");
        String id = playbookIdIn(commandReply("C0PLAY", "start change <@U0CAROL> <#C0PLAY|play> playbook:on "
                + "objective:\"" + objective + "\""));
        awaitCheckIn(objective, 1);

        JsonObject home = openedHome(LEADER);
        assertThat(home.toString()).contains("playbook_skip").contains(id + ":pulse").contains("Skip the pulse")
                .contains("playbook_stop");

        // Someone else can't change it.
        assertThat(click(CAROL, "playbook_skip", id + ":pulse")).contains("Only <@" + LEADER + ">");
        assertThat(steps(id).get(1).getString("status")).isEqualTo("PLANNED");

        assertThat(click(LEADER, "playbook_skip", id + ":pulse")).contains("pulse of playbook `" + id + "` is skipped");
        assertThat(steps(id).get(1).getString("status")).isEqualTo("SKIPPED");
        assertThat(click(LEADER, "playbook_skip", id + ":pulse")).contains("already skipped");

        at(START.plus(Duration.ofDays(14)));
        assertThat(checkIns(objective)).hasSize(1);

        assertThat(click(LEADER, "playbook_stop", id)).contains("Playbook `" + id + "` is stopped");
        assertThat(steps(id)).extracting(s -> s.getString("status")).containsExactly("STARTED", "SKIPPED", "STOPPED");
        assertThat(click(LEADER, "playbook_stop", id)).contains("no steps left to stop");

        at(START.plus(Duration.ofDays(42)));
        assertThat(checkIns(objective)).hasSize(1);
    }

    @Test
    void theStopCommandStopsAPlaybookByItsId() {
        String objective = objective("Office move");
        String id = playbookIdIn(commandReply("C0PLAY", "start change <@U0CAROL> <#C0PLAY|play> playbook:on "
                + "objective:\"" + objective + "\""));

        assertThat(ackText(driver.command(LEADER, "C0PLAY", "stop " + id.toLowerCase())))
                .contains("Playbook `" + id + "` is stopped");
        assertThat(steps(id)).extracting(s -> s.getString("status")).containsExactly("STARTED", "STOPPED", "STOPPED");
        assertThat(driver.command(LEADER, "C0PLAY", "playbooks").body()).doesNotContain(id);
    }

    JsonObject openedHome(String userId) {
        int before = publishes(userId).size();
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", userId);
        event.addProperty("channel", "D" + userId);
        event.addProperty("tab", "home");
        event.addProperty("event_ts", Instant.now().getEpochSecond() + ".000100");
        assertThat(requests.event(event.toString()).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> publishes(userId).size() > before);
        return publishes(userId).get(before);
    }

    private static List<JsonObject> publishes(String userId) {
        return slack.calls("views.publish").stream().filter(c -> userId.equals(c.param("user_id")))
                .map(c -> com.google.gson.JsonParser.parseString(c.param("view")).getAsJsonObject()).toList();
    }
}
