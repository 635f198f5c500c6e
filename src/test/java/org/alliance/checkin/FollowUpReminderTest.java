package org.alliance.checkin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.mongodb.client.model.Filters;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two weeks (alliance.follow-up.after, P14D) after a check-in ends, its leader is asked to come back to it. */
class FollowUpReminderTest extends TimedCheckInScenario {

    static final String IDA = "U0FUIDA";
    static final String JO = "U0FUJO";
    static final String FOLLOW_UP = "Time to follow up";

    @BeforeEach
    void londoners() {
        slack.addUser(IDA, "Ida", "Europe/London").addUser(JO, "Jo", "Europe/London");
    }

    @Test
    void twoWeeksAfterTheEndTheLeaderGetsWhatPeopleSaidAndTheirOpenCommitments() {
        String id = driver.start("trust <@" + IDA + "> <@" + JO + "> visibility:leader", 2);
        String idas = "Ida values <focus> " + id;
        String jos = "Jo values candour " + id;
        answer(id, IDA, idas);
        answer(id, JO, jos);
        driver.awaitStatus(id, "COMPLETED");
        Instant ended = ((java.util.Date) driver.checkIn(id).get("closedAt")).toInstant();
        assertThat(ended).isEqualTo(START);
        assertThat(dueAt(job(CheckInSchedule.FOLLOW_UP + ":" + id))).isEqualTo(START.plus(Duration.ofDays(14)));

        // The leader commits to something for Ida.
        String commitment = "Protect Ida's focus mornings " + id;
        commit(id, IDA, commitment, LocalDate.ofInstant(START, ZoneOffset.UTC).plusDays(30));
        await().atMost(WAIT).until(() -> db.getCollection("commitments")
                .countDocuments(Filters.eq("commitment.checkInId", id)) == 1);

        // Not a minute early.
        advance(Duration.ofDays(14).minusMinutes(1));
        assertThat(calls("chat.postMessage", in(LEADER).and(saying(FOLLOW_UP, id)))).isEmpty();

        advance(Duration.ofMinutes(2));
        FakeSlack.Call followUp = awaitCall("chat.postMessage", in(LEADER).and(saying(FOLLOW_UP, id)));
        String said = CheckInDriver.said(followUp);
        assertThat(said).contains("*What they said*")
                .contains("*<@" + IDA + ">*").contains("Ida values &lt;focus&gt; " + id)
                .contains("*<@" + JO + ">*").contains(jos)
                .contains("_What is important for you in your work?_")
                .contains("*Your open commitments*").contains(commitment);
        assertThat(job(CheckInSchedule.FOLLOW_UP + ":" + id).getString("status")).isEqualTo("DONE");

        // Once only, and only to the leader.
        advance(Duration.ofDays(7));
        assertThat(calls("chat.postMessage", saying(FOLLOW_UP, id))).hasSize(1)
                .allSatisfy(c -> assertThat(c.param("channel")).isEqualTo(LEADER));
        assertThat(slack.calls()).filteredOn(c -> ownDm(c, JO)).noneSatisfy(c ->
                assertThat(CheckInDriver.said(c)).contains(idas));
    }

    @Test
    void anAnonymousCheckInsFollowUpNamesNobodysAnswers() {
        slack.addUser("U0FUKAI", "Kai", "Europe/London");
        String id = driver.start("trust <@" + IDA + "> <@" + JO + "> <@U0FUKAI> visibility:anonymous", 3);
        answer(id, IDA, "anon-ida-" + id);
        answer(id, JO, "anon-jo-" + id);
        answer(id, "U0FUKAI", "anon-kai-" + id);
        driver.awaitStatus(id, "COMPLETED");

        advance(Duration.ofDays(14).plusMinutes(1));
        FakeSlack.Call followUp = awaitCall("chat.postMessage", in(LEADER).and(saying(FOLLOW_UP, id)));
        assertThat(CheckInDriver.said(followUp)).contains("3 people answered anonymously")
                .contains("_None open.").doesNotContain("anon-ida-").doesNotContain("<@" + IDA + ">")
                .doesNotContain("*What they said*");
    }

    private void commit(String checkInId, String memberId, String text, LocalDate due) {
        HttpResponse<String> ack = driver.submitCommitment(LEADER, checkInId, memberId, text, due);
        assertThat(ack.statusCode()).as("ack: %s", ack.body()).isEqualTo(200);
        assertThat(ack.body() == null ? "" : ack.body()).doesNotContain("response_action");
    }
}
