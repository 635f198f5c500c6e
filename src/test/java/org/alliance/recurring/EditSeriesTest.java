package org.alliance.recurring;

import java.net.http.HttpResponse;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.Acks.viewErrors;
import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /alliance edit R…}: changing a series' people, time, cadence and questions from the next round. */
class EditSeriesTest extends RecurringScenario {

    @Test
    void theLeaderChangesPeopleTimeCadenceAndQuestionsFromTheNextRoundWhileTheRunningRoundKeepsItsOwn() {
        String channel = "C0SEDIT";
        String objective = objective("Editing");
        // Monday 10:00 UTC; rounds at 12:00, 11:00 UTC for Carol in Berlin.
        String id = startSeries(channel, "trust <@U0CAROL> <#" + channel + "|edit> every:1w at:12:00 objective:\""
                + objective + "\"");
        at("2026-11-30T11:00:00Z");
        Document first = awaitRound(objective, 1);
        List<String> firstQuestions = questionKeys(first);
        assertThat(firstQuestions).contains("important", "managed");

        // Only the leader may open the form.
        int opened = seriesForms().size();
        assertThat(ackText(driver.command("U0ALICE", channel, "edit " + id))).contains("Only <@" + LEADER + ">")
                .contains(id).contains("can change it");
        assertThat(seriesForms()).hasSize(opened);

        // The leader's form shows the series as it is.
        assertThat(ackText(driver.command(LEADER, channel, "edit " + id.toLowerCase()))).isEmpty();
        assertThat(seriesForms()).hasSize(opened + 1);
        String form = CheckInDriver.said(seriesForms().get(opened));
        assertThat(form).contains("U0CAROL").contains("12:00").contains("1w").contains("\"trust\"").contains(id);

        // Bad input: an error on each field, nothing stored.
        JsonObject errors = viewErrors(submit(LEADER, id, List.of(), "09:00", "3 days", "nope"));
        assertThat(errors.keySet()).containsExactlyInAnyOrder(SeriesEditModal.PEOPLE_BLOCK,
                SeriesEditModal.EVERY_BLOCK, SeriesEditModal.PURPOSE_BLOCK);
        assertThat(series(id).getList("userIds", String.class)).containsExactly("U0CAROL");

        // A non-leader's submission is refused too.
        assertThat(viewErrors(submit("U0ALICE", id, List.of("U0ALICE"), "09:00", "1w", "trust")).toString())
                .contains("Only <@" + LEADER + ">");

        // Dan (Sydney) instead of Carol, every 2 weeks at 15:00, developing people. 15:00 today has already
        // passed in Sydney, so the next round is in two weeks: 14 December, 04:00 UTC for Dan.
        HttpResponse<String> ack = submit(LEADER, id, List.of("U0DAN"), "15:00", "2w", "development");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).doesNotContain("errors");
        Document s = series(id);
        assertThat(s.getList("userIds", String.class)).containsExactly("U0DAN");
        assertThat(s.getString("cadence")).isEqualTo("2w");
        assertThat(s.getString("purpose")).isEqualTo("development");
        assertThat(s.getDate("next")).isEqualTo(wallClock("2026-12-14T15:00"));
        assertThat(s.getString("objective")).isEqualTo(objective);
        String told = await().atMost(WAIT).until(() -> dmsTo(LEADER).stream().map(CheckInDriver::said)
                .filter(t -> t.contains(id) && t.contains("changed")).findFirst().orElse(null), t -> t != null);
        assertThat(told).contains("<@U0DAN>").contains("every 2 weeks at 15:00").contains("Developing people")
                .contains("Mon 14 Dec 2026 at 15:00");

        // The old schedule's round (7 December, 11:00 UTC) does not fire.
        at("2026-12-07T11:00:00Z");
        at("2026-12-14T03:59:00Z");
        assertThat(rounds(objective)).hasSize(1);

        at("2026-12-14T04:00:00Z");
        Document second = awaitRound(objective, 2);
        assertThat(invitations("U0DAN", second.getString("id"))).hasSize(1);
        assertThat(invitations("U0CAROL", second.getString("id"))).isEmpty();
        assertThat(questionKeys(second)).contains("aspirations", "skills").doesNotContain("important");
        // The round already sent keeps its questions.
        assertThat(questionKeys(rounds(objective).get(0))).isEqualTo(firstQuestions);
        assertThat(series(id).getDate("next")).isEqualTo(wallClock("2026-12-28T15:00"));
    }

    private static List<FakeSlack.Call> seriesForms() {
        return slack.calls("views.open").stream()
                .filter(c -> CheckInDriver.said(c).contains(SeriesEditModal.CALLBACK_ID)).toList();
    }

    private static List<String> questionKeys(Document checkIn) {
        return checkIn.getList("questions", Document.class).stream().map(q -> q.getString("id")).toList();
    }

    private HttpResponse<String> submit(String userId, String id, List<String> people, String at, String every,
                                        String purpose) {
        JsonObject values = new JsonObject();
        JsonObject peopleValue = new JsonObject();
        peopleValue.addProperty("type", "multi_users_select");
        JsonArray users = new JsonArray();
        people.forEach(users::add);
        peopleValue.add("selected_users", users);
        values.add(SeriesEditModal.PEOPLE_BLOCK, wrap(peopleValue));
        JsonObject atValue = new JsonObject();
        atValue.addProperty("type", "timepicker");
        atValue.addProperty("selected_time", at);
        values.add(SeriesEditModal.AT_BLOCK, wrap(atValue));
        JsonObject everyValue = new JsonObject();
        everyValue.addProperty("type", "plain_text_input");
        everyValue.addProperty("value", every);
        values.add(SeriesEditModal.EVERY_BLOCK, wrap(everyValue));
        JsonObject purposeValue = new JsonObject();
        purposeValue.addProperty("type", "static_select");
        JsonObject option = new JsonObject();
        option.addProperty("value", purpose);
        purposeValue.add("selected_option", option);
        values.add(SeriesEditModal.PURPOSE_BLOCK, wrap(purposeValue));
        return requests.interaction(requests.viewSubmission(userId, SeriesEditModal.CALLBACK_ID, id, values.toString()));
    }

    private static JsonObject wrap(JsonObject value) {
        JsonObject block = new JsonObject();
        block.add(SeriesEditModal.ACTION, value);
        return block;
    }
}
