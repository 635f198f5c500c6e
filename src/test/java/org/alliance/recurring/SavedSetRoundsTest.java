package org.alliance.recurring;

import java.net.http.HttpResponse;

import org.alliance.support.CheckInDriver;
import org.alliance.support.QuestionSetForm;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recurring check-in refers to its question set by key and reads it at each round: an edited set is asked
 * from the next round on, rounds already started keep theirs, and a deleted set stops new rounds with a
 * message to the leader while the series itself stays.
 */
class SavedSetRoundsTest extends RecurringScenario {

    @Test
    void roundsFollowEditsOfTheSetAndStopStartingOnceItIsDeleted() {
        at("2026-11-30T09:30:00Z");
        String key = "rounds-" + Long.toString(System.nanoTime(), 36);
        saveOk(QuestionSetForm.metadata("C0TEAM", null), QuestionSetForm.state(key, "Weekly pulse", "Why we ask.",
                "What went well?\n[scale] How is your energy?"));
        String objective = objective("Saved set rounds");
        String seriesId = startSeries("C0TEAM",
                key + " <@U0CAROL> <#C0TEAM|team> every:1w at:11:00 objective:\"" + objective + "\"");
        assertThat(series(seriesId).getString("purpose")).isEqualTo(key);

        at("2026-11-30T10:00:00Z");
        Document round1 = awaitRound(objective, 1);
        assertThat(round1.getString("title")).isEqualTo("Weekly pulse (round 1)");

        // The owner edits the set between rounds.
        saveOk(QuestionSetForm.metadata("C0TEAM", key), QuestionSetForm.state(null, "Weekly check", "Why we ask.",
                "What blocked you?\nWhat helped?"));

        at("2026-12-07T10:00:00Z");
        Document round2 = awaitRound(objective, 2);
        assertThat(round2.getString("title")).isEqualTo("Weekly check (round 2)");
        assertThat(questionTexts(round2)).containsExactly("What blocked you?", "What helped?");
        assertThat(questionTexts(driver.checkIn(round1.getString("id"))))
                .containsExactly("What went well?", "How is your energy?");

        // The owner deletes it: round 3 can't start, the leader is told why and how to end the series.
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "templates delete " + key))).contains("Deleted");
        int dmsBefore = dmsTo(LEADER).size();
        at("2026-12-14T10:00:00Z");

        assertThat(rounds(objective)).hasSize(2);
        assertThat(dmsTo(LEADER).subList(dmsBefore, dmsTo(LEADER).size())).anySatisfy(c ->
                assertThat(CheckInDriver.said(c)).contains("Round 3 of your recurring check-in `" + seriesId
                        + "` couldn't start").contains("I don't know the purpose `" + key + "`")
                        .contains("`/alliance stop " + seriesId + "`"));
        Document after = series(seriesId);
        assertThat(after.getString("status")).isEqualTo("ACTIVE");
        assertThat(after.getInteger("rounds")).isEqualTo(3);
    }

    private void saveOk(String metadata, String state) {
        HttpResponse<String> ack = QuestionSetForm.submit(requests, LEADER, metadata, state);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body() == null ? "" : ack.body()).as("ack").doesNotContain("response_action");
    }

    private static java.util.List<String> questionTexts(Document checkIn) {
        return checkIn.getList("questions", Document.class).stream().map(q -> q.getString("text")).toList();
    }
}
