package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.model.Filters;
import org.alliance.support.CheckInDriver;
import org.alliance.support.StartFormState;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ways a check-in starts (modal, quick path, mention) and the commands that list what there is. */
class StartPathsTest extends CheckInScenario {

    private static final Pattern STARTED = Pattern.compile("Check-in `([A-Z0-9]{6})` started");

    @Test
    void aBareCommandOpensTheStartModalAndSubmittingItStartsTheCheckIn() {
        assertThat(driver.command(LEADER, "C0TEAM", "").statusCode()).isEqualTo(200);
        FakeSlack.Call opened = awaitCall("views.open", saying(StartModal.CALLBACK_ID));
        JsonObject view = JsonParser.parseString(opened.param("view")).getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo("checkin_start_submit");
        assertThat(view.get("private_metadata").getAsString()).isEqualTo("C0TEAM");
        assertThat(opened.param("trigger_id")).startsWith("trig-");

        String objective = "Modal objective " + System.nanoTime();
        Instant due = clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertThat(requests.interaction(requests.viewSubmission(LEADER, StartModal.CALLBACK_ID, "C0TEAM",
                StartFormState.of("trust", objective, List.of("U0ALICE", "U0BOB"), "C0TEAM", "thread", due).json()))
                .statusCode()).isEqualTo(200);

        String id = await().atMost(WAIT).until(() -> {
            Document doc = db.getCollection("checkins").find(Filters.eq("checkIn.objective", objective)).first();
            return doc == null ? null : doc.getString("_id");
        }, i -> i != null);
        await().atMost(WAIT).until(() -> driver.invited(id) == 2);
        Document checkIn = driver.checkIn(id);
        assertThat(checkIn.getString("purpose")).isEqualTo("trust");
        assertThat(checkIn.getString("visibility")).isEqualTo("THREAD");
        assertThat(checkIn.getString("channelId")).isEqualTo("C0TEAM");
        assertThat(checkIn.getString("leaderId")).isEqualTo(LEADER);
        assertThat(checkIn.getList("participants", String.class)).containsExactly("U0ALICE", "U0BOB");
        assertThat(checkIn.getDate("dueAt").toInstant()).isEqualTo(due);
        assertThat(invitations(id, "U0ALICE")).singleElement()
                .satisfies(c -> assertThat(CheckInDriver.said(c)).contains(objective));
        assertThat(invitations(id, "U0BOB")).hasSize(1);
        awaitCall("chat.postMessage", in("C0TEAM").and(saying(id, "0 of 2 answered")));
    }

    @Test
    void aStartModalWithNobodyChosenIsSentBackWithAnError() {
        long before = checkInDocuments();
        String objective = "Nobody " + System.nanoTime();

        JsonObject errors = viewErrors(requests.interaction(requests.viewSubmission(LEADER, StartModal.CALLBACK_ID,
                "C0TEAM", StartFormState.of("trust", objective, List.of(), "C0TEAM", "leader",
                        clock.instant().plus(Duration.ofDays(1))).json())));

        assertThat(errors.keySet()).containsExactly("people");
        assertThat(errors.get("people").getAsString()).contains("at least one person");
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> checkInDocuments() == before);
        assertThat(db.getCollection("checkins").countDocuments(Filters.eq("checkIn.objective", objective))).isZero();
    }

    @Test
    void aMentionStartsTheCheckInInTheMentionsThread() {
        String mentionTs = String.format("%d.%06d", clock.instant().getEpochSecond(), System.nanoTime() % 1_000_000);
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_mention");
        event.addProperty("user", LEADER);
        event.addProperty("text", "<@" + FakeSlack.BOT_USER_ID + "> start trust <@U0ALICE>");
        event.addProperty("ts", mentionTs);
        event.addProperty("event_ts", mentionTs);
        event.addProperty("channel", "C0TEAM");
        event.addProperty("channel_type", "channel");

        assertThat(requests.event(event.toString()).statusCode()).isEqualTo(200);

        FakeSlack.Call told = awaitCall("chat.postEphemeral", c -> LEADER.equals(c.param("user")));
        assertThat(told.param("channel")).isEqualTo("C0TEAM");
        Matcher m = STARTED.matcher(told.param("text"));
        assertThat(m.find()).as("reply: %s", told.param("text")).isTrue();
        String id = m.group(1);

        FakeSlack.Call parent = awaitCall("chat.postMessage", in("C0TEAM").and(saying(id)));
        assertThat(parent.param("thread_ts")).isEqualTo(mentionTs);
        assertThat(driver.checkIn(id).getString("threadTs")).isEqualTo(mentionTs);
        await().atMost(WAIT).until(() -> driver.invited(id) == 1);
        assertThat(invitations(id, "U0ALICE")).hasSize(1);
    }

    @Test
    void listShowsTheLeadersCheckInWithProgressAndTheOneWaitingForAParticipant() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        driver.submitAnswers("U0BOB", id, java.util.Map.of("important", "Listed " + id));
        driver.awaitResponseStatus(id, "U0BOB", "ANSWERED");

        String leader = ackText(driver.command(LEADER, "C0TEAM", "list"));
        assertThat(lineWith(leader, id)).contains("Building trust").contains("1 of 2 answered").contains("due");
        assertThat(leader.indexOf(id)).isLessThan(leader.indexOf("Waiting for your answer"));

        String alice = ackText(driver.command("U0ALICE", "C0TEAM", "list"));
        assertThat(alice.indexOf(id)).isGreaterThan(alice.indexOf("Waiting for your answer"));
        assertThat(lineWith(alice, id)).contains("<@" + LEADER + ">").doesNotContain("answered");

        // Bob has answered: nothing of this check-in is waiting for him.
        String bob = ackText(driver.command("U0BOB", "C0TEAM", "list"));
        assertThat(bob).doesNotContain(id);
    }

    @Test
    void templatesListsTheSixPurposes() {
        String text = ackText(driver.command("U0ALICE", "C0TEAM", "templates"));
        for (String key : List.of("development", "trust", "collaboration", "change", "performance", "kickoff")) {
            assertThat(text).contains("`" + key + "`");
        }
        assertThat(text).contains("What is important for you in your work?").contains("_(1-5)_");
    }

    private static String lineWith(String text, String piece) {
        return text.lines().filter(l -> l.contains(piece)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + piece + " in:\n" + text));
    }
}
