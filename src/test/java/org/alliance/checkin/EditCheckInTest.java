package org.alliance.checkin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.mongodb.client.model.Filters;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.Acks.viewErrors;
import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /alliance edit}: adding people, taking off people still waiting and moving the due time. */
class EditCheckInTest extends TimedCheckInScenario {

    @Test
    void theLeaderAddsRemovesAndMovesTheDueTimeAndEveryoneConcernedIsTold() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL>", 3);
        answer(id, "U0ALICE", "Kept " + id);
        Document bob = driver.response(id, "U0BOB");

        // The form opens from the command, offering to take off only those still waiting.
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "edit " + id.toLowerCase()))).isEmpty();
        FakeSlack.Call opened = awaitCall("views.open", saying(EditModal.CALLBACK_ID));
        assertThat(CheckInDriver.said(opened)).contains("\"value\":\"U0BOB\"").contains("\"value\":\"U0CAROL\"")
                .doesNotContain("\"value\":\"U0ALICE\"").contains("datetimepicker");

        Instant newDue = START.plus(Duration.ofDays(1));
        int before = slack.calls().size();
        HttpResponse<String> ack = submit(LEADER, id, List.of("U0DAN"), List.of("U0BOB"), newDue);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).doesNotContain("errors");

        // Stored: who is asked, the due time, and the closing moved with it.
        Document c = driver.checkIn(id);
        assertThat(c.getList("participants", String.class)).containsExactly("U0ALICE", "U0CAROL", "U0DAN");
        assertThat(((Date) c.get("dueAt")).toInstant()).isEqualTo(newDue);
        assertThat(dueAt(job(CheckInSchedule.CLOSE.key(id)))).isEqualTo(newDue);
        assertThat(responsesOf(id, "U0BOB")).isZero();

        // Dan gets his invitation at once, with the new due time.
        await().atMost(WAIT).until(() -> driver.invited(id) == 3);
        FakeSlack.Call invitation = awaitCall("chat.postMessage", in("U0DAN").and(saying(id, "Answer")));
        assertThat(CheckInDriver.said(invitation)).contains(slackDate(newDue));
        // Bob's invitation now says no answer is needed, in place.
        FakeSlack.Call released = awaitCall("chat.update", in(bob.getString("dmChannelId"))
                .and(c2 -> bob.getString("dmTs").equals(c2.param("ts"))));
        assertThat(CheckInDriver.said(released)).contains("took you off").contains("no answer is needed")
                .doesNotContain("checkin_answer");
        // Carol, still waiting, hears of the new due time in her thread.
        Document carol = driver.response(id, "U0CAROL");
        awaitCall("chat.postMessage", in(carol.getString("dmChannelId"))
                .and(c2 -> carol.getString("dmTs").equals(c2.param("thread_ts")))
                .and(saying("moved the due time", slackDate(newDue))));
        // The parent counts the new people; the leader gets a summary.
        awaitCall("chat.update", in("C0TEAM").and(c2 -> parentTs(id).equals(c2.param("ts")))
                .and(saying("1 of 3 answered", slackDate(newDue))));
        awaitCall("chat.postMessage", in(LEADER).and(saying(id, "is changed", "<@U0DAN>", "Taken off", "<@U0BOB>")));
        assertThat(calls("chat.postMessage", in("U0BOB")).stream().filter(x -> CheckInDriver.said(x).contains(id)))
                .as("Bob gets no new message, only his DM updated").hasSize(1);
        assertThat(slack.calls().size()).isGreaterThan(before);

        // Bob can't answer any more; at the new due time the check-in closes.
        driver.click("U0BOB", CheckInInteractions.ANSWER, id);
        awaitCall("chat.postEphemeral", c2 -> "U0BOB".equals(c2.param("user")) && CheckInDriver.said(c2).contains(id));
        setClock(newDue.plusSeconds(60));
        driver.awaitStatus(id, "CLOSED");
        assertThat(driver.response(id, "U0DAN").getString("status")).isEqualTo("MISSED");
        assertThat(driver.response(id, "U0CAROL").getString("status")).isEqualTo("MISSED");
    }

    @Test
    void onlyTheLeaderMayChangeACheckInAndBadChangesAreRefusedOnTheirField() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        answer(id, "U0ALICE", "Answered " + id);

        // Someone else: the command and the parent's Edit button both refuse, politely and privately.
        assertThat(ackText(driver.command("U0BOB", "C0TEAM", "edit " + id))).contains("Only <@" + LEADER + ">")
                .contains("can change it");
        assertThat(requests.interaction(requests.blockAction("U0BOB", EditActions.OPEN, id, "C0TEAM", parentTs(id)))
                .statusCode()).isEqualTo(200);
        FakeSlack.Call told = awaitCall("chat.postEphemeral", c -> "U0BOB".equals(c.param("user")));
        assertThat(told.param("channel")).isEqualTo("C0TEAM");
        assertThat(told.param("text")).contains("can change it");
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(viewErrors(submit("U0BOB", id, List.of("U0DAN"), List.of(), null)).toString()).contains("can change it");

        // The leader's own button opens the form.
        requests.interaction(requests.blockAction(LEADER, EditActions.OPEN, id, "C0TEAM", parentTs(id)));
        awaitCall("views.open", saying(EditModal.CALLBACK_ID));

        assertThat(viewErrors(submit(LEADER, id, List.of(), List.of("U0ALICE"), null))
                .get(EditModal.REMOVE_BLOCK).getAsString()).contains("already answered");
        assertThat(viewErrors(submit(LEADER, id, List.of(), List.of(), START.minusSeconds(3600)))
                .get(EditModal.DUE_BLOCK).getAsString()).contains("from now");
        assertThat(viewErrors(submit(LEADER, id, List.of(), List.of(), null))
                .get(EditModal.ADD_BLOCK).getAsString()).contains("Nothing to change");
        assertThat(driver.checkIn(id).getList("participants", String.class)).containsExactly("U0ALICE", "U0BOB");
        assertThat(calls("chat.postMessage", in("U0DAN"))).isEmpty();

        // Unknown and ended check-ins.
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "edit ZZZZZZ"))).contains("can't find");
        ackText(driver.command(LEADER, "C0TEAM", "stop " + id));
        driver.awaitStatus(id, "STOPPED");
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "edit " + id))).contains("been stopped");
    }

    @Test
    void takingOffTheLastPersonWaitingCompletesTheCheckIn() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        answer(id, "U0ALICE", "Done " + id);

        assertThat(submit(LEADER, id, List.of(), List.of("U0BOB"), null).body()).doesNotContain("errors");

        driver.awaitStatus(id, "COMPLETED");
        awaitCall("chat.update", in("C0TEAM").and(c -> parentTs(id).equals(c.param("ts"))).and(saying("Completed")));
    }

    @Test
    void someoneAddedToARoundOfARecurringCheckInIsInvitedAtTheRoundsTimeOnTheirClock() {
        // Monday 1 March 2027: a weekly round at 12:00 each person's time; Carol (Berlin) gets it at 11:00 UTC.
        setClock(Instant.parse("2027-03-01T10:00:00Z"));
        String objective = "Round edit " + System.nanoTime();
        driver.command(LEADER, "C0TEAM", "start trust <@U0CAROL|carol> <#C0TEAM|team> every:1w at:12:00 objective:\""
                + objective + "\"");
        await().atMost(WAIT).until(() -> db.getCollection("series").countDocuments(
                Filters.eq("series.objective", objective)) == 1);
        setClock(Instant.parse("2027-03-01T11:00:00Z"));
        Document round = await().atMost(WAIT).until(() -> db.getCollection("checkins")
                .find(Filters.eq("checkIn.objective", objective)).first(), d -> d != null);
        String id = round.getString("_id");

        // Bob, in Los Angeles, is added at 11:00 UTC: his 12:00 is 20:00 UTC, so he is not asked yet.
        HttpResponse<String> ack = submit(LEADER, id, List.of("U0BOB"), List.of(), null);
        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> db.getCollection("jobs").countDocuments(
                Filters.eq("_id", "checkin.invite:" + id + ":U0BOB")) == 1);
        assertThat(calls("chat.postMessage", in("U0BOB").and(saying(id)))).isEmpty();

        setClock(Instant.parse("2027-03-01T20:00:00Z"));
        await().atMost(WAIT).until(() -> calls("chat.postMessage", in("U0BOB").and(saying(id))).size() == 1);
    }

    private HttpResponse<String> submit(String userId, String id, List<String> add, List<String> remove, Instant due) {
        JsonObject values = new JsonObject();
        JsonObject addValue = new JsonObject();
        addValue.addProperty("type", "multi_users_select");
        JsonArray users = new JsonArray();
        add.forEach(users::add);
        addValue.add("selected_users", users);
        values.add(EditModal.ADD_BLOCK, wrap(addValue));
        JsonObject removeValue = new JsonObject();
        removeValue.addProperty("type", "multi_static_select");
        JsonArray options = new JsonArray();
        for (String u : remove) {
            JsonObject o = new JsonObject();
            o.addProperty("value", u);
            options.add(o);
        }
        removeValue.add("selected_options", options);
        values.add(EditModal.REMOVE_BLOCK, wrap(removeValue));
        JsonObject dueValue = new JsonObject();
        dueValue.addProperty("type", "datetimepicker");
        // Unchanged, the picker sends back the due time it showed, to the second.
        Instant shown = due != null ? due : ((Date) driver.checkIn(id).get("dueAt")).toInstant();
        dueValue.addProperty("selected_date_time", shown.getEpochSecond());
        values.add(EditModal.DUE_BLOCK, wrap(dueValue));
        return requests.interaction(requests.viewSubmission(userId, EditModal.CALLBACK_ID, id, values.toString()));
    }

    private static JsonObject wrap(JsonObject value) {
        JsonObject block = new JsonObject();
        block.add(EditModal.ACTION, value);
        return block;
    }


    private String parentTs(String id) {
        return driver.checkIn(id).getString("parentTs");
    }

    private long responsesOf(String id, String userId) {
        return db.getCollection("responses").countDocuments(Filters.eq("_id", id + ":" + userId));
    }
}
