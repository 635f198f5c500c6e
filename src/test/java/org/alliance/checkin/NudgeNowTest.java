package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Nudge now button on the leader's {@code /alliance status}: brings each waiting person's next
 * reminder forward (at most {@code reminders.max} = 2 in all), inside their working hours.
 */
class NudgeNowTest extends TimedCheckInScenario {

    static final String ELLA = "U0NUELLA";
    static final String FINN = "U0NUFINN";
    static final String LUCY = "U0NULUCY";
    /** START is Monday 10:00 UTC: 02:00 in Los Angeles; Lucy's working day starts at 17:00 UTC. */
    static final Instant LUCY_9AM = Instant.parse("2026-11-30T17:00:00Z");

    @BeforeEach
    void people() {
        slack.addUser(ELLA, "Ella", "Europe/London").addUser(FINN, "Finn", "Europe/London")
                .addUser(LUCY, "Lucy", "America/Los_Angeles");
    }

    @Test
    void onlyTheLeadersStatusHasTheButton() {
        String id = driver.start("trust <@" + ELLA + "> <@" + FINN + ">", 2);
        assertThat(driver.command(LEADER, "C0TEAM", "status " + id).body()).contains(Nudges.ACTION)
                .contains("Nudge now").contains(id);
        assertThat(driver.command(FINN, "D" + FINN, "status " + id).body()).doesNotContain(Nudges.ACTION);
    }

    @Test
    void aNudgeRemindsEveryoneStillWaitingAtOnceUpToTheMaximum() {
        String id = driver.start("trust <@" + ELLA + "> <@" + FINN + ">", 2);
        answer(id, ELLA, "Ella's answer");
        advance(Duration.ofMinutes(1));

        nudge(LEADER, id);
        assertThat(awaitReply(id, "<@" + FINN + "> now")).doesNotContain("<@" + ELLA + ">");
        awaitNothingDue();
        assertThat(remindersTo(id, FINN)).hasSize(1);
        assertThat(anyReminderTo(ELLA)).as("Ella answered").isEmpty();

        // The second nudge comes three hours after the first reminder, before the scheduled second one.
        advance(Duration.ofHours(3));
        assertThat(remindersTo(id, FINN)).hasSize(1);
        slack.reset();
        nudge(LEADER, id);
        awaitReply(id, "<@" + FINN + "> now");
        awaitNothingDue();
        assertThat(anyReminderTo(FINN)).hasSize(1);

        // Beyond reminders.max: nothing is sent, and the leader is told why.
        slack.reset();
        nudge(LEADER, id);
        assertThat(awaitReply(id, "no reminder left")).contains("<@" + FINN + ">").contains("at most 2");
        advance(Duration.ofHours(6));
        assertThat(anyReminderTo(FINN)).isEmpty();
    }

    @Test
    void outsideWorkingHoursTheLeaderIsToldWhenItGoesAndItGoesThen() {
        String id = driver.start("trust <@" + LUCY + ">", 1);
        nudge(LEADER, id);
        awaitReply(id, "<@" + LUCY + "> " + slackDate(LUCY_9AM), "working hours");
        awaitNothingDue();
        assertThat(anyReminderTo(LUCY)).isEmpty();

        setClock(LUCY_9AM.minusSeconds(60));
        assertThat(anyReminderTo(LUCY)).isEmpty();
        setClock(LUCY_9AM.plusSeconds(60));
        assertThat(remindersTo(id, LUCY)).hasSize(1);
    }

    @Test
    void someoneElsesClickIsRefusedAndAnEndedCheckInSaysSo() {
        String id = driver.start("trust <@" + ELLA + "> <@" + FINN + ">", 2);
        nudge(FINN, id);
        awaitReply(id, "only <@" + LEADER + ">");
        awaitNothingDue();
        assertThat(anyReminderTo(ELLA)).isEmpty();
        assertThat(anyReminderTo(FINN)).isEmpty();

        assertThat(driver.command(LEADER, "C0TEAM", "stop " + id).statusCode()).isEqualTo(200);
        driver.awaitStatus(id, "STOPPED");
        nudge(LEADER, id);
        awaitReply(id, "has been stopped", "nobody left to nudge");
        awaitNothingDue();
        assertThat(anyReminderTo(ELLA)).isEmpty();
    }

    private void nudge(String userId, String checkInId) {
        assertThat(driver.click(userId, Nudges.ACTION, checkInId).statusCode()).isEqualTo(200);
    }

    private static String awaitReply(String checkInId, String... pieces) {
        String[] all = new String[pieces.length + 1];
        all[0] = checkInId;
        System.arraycopy(pieces, 0, all, 1, pieces.length);
        return org.alliance.support.CheckInDriver.said(awaitCall("respond", saying(all)));
    }
}
