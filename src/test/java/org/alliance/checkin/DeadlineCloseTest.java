package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;

import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

/** At its due time a check-in closes: missing answers become missed, everyone's message is brought up to date. */
class DeadlineCloseTest extends TimedCheckInScenario {

    static final String ADA = "U0DLADA";
    static final String BO = "U0DLBO";
    static final String CY = "U0DLCY";

    @BeforeEach
    void londoners() {
        slack.addUser(ADA, "Ada", "Europe/London").addUser(BO, "Bo", "Europe/London")
                .addUser(CY, "Cy", "Europe/London");
    }

    @Test
    void theDeadlineClosesTheCheckInRecordsMissedAnswersAndSendsTheLeaderTheDigest() {
        String id = driver.start("trust <@" + ADA + "> <@" + BO + "> <@" + CY + "> due:1d", 3);
        Instant due = START.plus(Duration.ofDays(1));
        assertThat(((java.util.Date) driver.checkIn(id).get("dueAt")).toInstant()).isEqualTo(due);
        String parentTs = driver.checkIn(id).getString("parentTs");
        String reason = "Travelling all week " + id;

        answer(id, ADA, "Ada's answer " + id);
        driver.click(BO, "checkin_skip", id);
        assertThat(driver.submitSkip(BO, id, reason).statusCode()).isEqualTo(200);
        driver.awaitResponseStatus(id, BO, "SKIPPED");

        // Cy is reminded once, at first-after.
        advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(remindersTo(id, CY)).hasSize(1);

        // The poller falls a day behind: by the time it runs, the check-in is past due. Its
        // second reminder (due hours ago) must not go out; the check-in closes instead.
        int before = slack.calls().size();
        setClock(due.plus(Duration.ofHours(2)));
        driver.awaitStatus(id, "CLOSED");
        assertThat(driver.response(id, CY).getString("status")).isEqualTo("MISSED");
        assertThat(driver.response(id, ADA).getString("status")).isEqualTo("ANSWERED");
        assertThat(driver.response(id, BO).getString("status")).isEqualTo("SKIPPED");
        assertThat(anyReminderTo(CY)).as("no reminder once due").hasSize(1);
        assertThat(job(CheckInSchedule.CLOSE + ":" + id).getString("status")).isEqualTo("DONE");

        // Cy's invitation now says it closed; Ada's shows her answers and that it closed.
        String cyDm = driver.response(id, CY).getString("dmTs");
        FakeSlack.Call cyUpdate = awaitCall("chat.update", in("D" + CY).and(c -> cyDm.equals(c.param("ts"))));
        assertThat(CheckInDriver.said(cyUpdate)).contains("closed before you answered");
        String adaDm = driver.response(id, ADA).getString("dmTs");
        FakeSlack.Call adaUpdate = awaitCall("chat.update", in("D" + ADA).and(c -> adaDm.equals(c.param("ts")))
                .and(saying("This check-in has closed")));
        assertThat(CheckInDriver.said(adaUpdate)).contains("Ada's answer " + id);

        // The parent message in the channel says it closed.
        FakeSlack.Call parent = awaitCall("chat.update", in("C0TEAM").and(c -> parentTs.equals(c.param("ts")))
                .and(saying("*Closed* at the due time")));
        assertThat(CheckInDriver.said(parent)).contains("1 of 3 answered, 1 skipped, 1 missed");

        // The leader's digest: who answered, who skipped (with the reason), who missed it, and a link to the thread.
        FakeSlack.Call digest = awaitCall("chat.postMessage", in(LEADER).and(saying(id, "closed at its due time")));
        String said = CheckInDriver.said(digest);
        assertThat(said).contains("*Answered (1):* <@" + ADA + ">")
                .contains("*Skipped (1):*").contains("<@" + BO + ">: “" + reason + "”")
                .contains("*Missing (1):* <@" + CY + ">")
                .contains("<" + FakeSlack.TEAM_URL + "archives/C0TEAM/p" + parentTs.replace(".", "")
                        + "|Open the check-in thread>");
        assertThat(said).doesNotContain("Ada's answer");
        assertThat(calls("chat.postMessage", in(LEADER).and(saying(id, "closed at its due time")))).hasSize(1);

        // Nothing more reaches Cy, however long we wait; the follow-up is scheduled two weeks after closing.
        int toCy = calls("chat.postMessage", c -> ownDm(c, CY)).size();
        advance(Duration.ofDays(2));
        assertThat(calls("chat.postMessage", c -> ownDm(c, CY))).hasSize(toCy);
        assertThat(anyReminderTo(CY)).hasSize(1);
        assertThat(slack.calls().subList(before, slack.calls().size()))
                .noneSatisfy(c -> assertThat(CheckInDriver.said(c)).contains(REMINDER_TEXT));
        assertThat(dueAt(job(CheckInSchedule.FOLLOW_UP + ":" + id)))
                .isEqualTo(due.plus(Duration.ofHours(2)).plus(Duration.ofDays(14)));
    }

    @Test
    void anAnswerAfterTheDeadlineIsRefused() {
        String id = driver.start("trust <@" + ADA + "> <@" + CY + "> due:4h", 2);
        advance(Duration.ofHours(2).plusMinutes(1));
        advance(Duration.ofHours(2));
        driver.awaitStatus(id, "CLOSED");
        assertThat(remindersTo(id, CY)).as("first-after PT2H fits before the due time").hasSize(1);
        assertThat(db.getCollection("jobs").find(com.mongodb.client.model.Filters.eq("_id", reminderKey(id, CY, 2)))
                .first()).as("a second reminder would fall after the due time").isNull();
        assertThat(driver.response(id, CY).getString("status")).isEqualTo("MISSED");

        driver.submitAnswers(CY, id, java.util.Map.of("important", "Too late " + id));
        org.awaitility.Awaitility.await().during(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() ->
                assertThat(driver.response(id, CY).getString("status")).isEqualTo("MISSED"));
    }
}
