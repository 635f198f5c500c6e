package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;

import com.mongodb.client.model.Filters;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /alliance snooze}: people away get no check-ins and no reminders, and their leader sees why. */
class SnoozeCheckInTest extends TimedCheckInScenario {

    static final String GIA = "U0SNZGIA";
    static final String HAL = "U0SNZHAL";

    @BeforeEach
    void londoners() {
        slack.addUser(GIA, "Gia", "Europe/London").addUser(HAL, "Hal", "Europe/London");
    }

    @AfterEach
    void wakeUp() {
        // Snoozes outlive the test's clock reset; never leave one behind.
        driver.command(GIA, "D" + GIA, "snooze off");
        driver.command(HAL, "D" + HAL, "snooze off");
    }

    @Test
    void someoneSnoozedIsSkippedAsAwayAndTheLeaderSeesIt() {
        Instant back = START.plus(Duration.ofDays(7));
        String snoozed = ackText(driver.command(GIA, "D" + GIA, "snooze 7d"));
        assertThat(snoozed).contains("You're away until").contains(slackDate(back));

        String id = driver.start("trust <@" + GIA + "> <@" + HAL + ">", 1);
        // The leader is told only Hal was asked, and that Gia is away until when.
        assertThat(driver.lastRespondText()).contains("I've sent it to 1 person.")
                .contains("Away, so not asked: <@" + GIA + "> until " + slackDate(back));
        driver.awaitResponseStatus(id, GIA, "SKIPPED");
        assertThat(driver.response(id, GIA).getString("skipReason")).startsWith("Away until")
                .contains(String.valueOf(back.getEpochSecond()));
        assertThat(driver.response(id, GIA).getString("dmTs")).isNull();
        assertThat(calls("chat.postMessage", c -> ownDm(c, GIA))).as("no DM to someone away").isEmpty();
        assertThat(calls("chat.postMessage", c -> ownDm(c, HAL) && CheckInDriver.said(c).contains(id))).hasSize(1);

        // The leader sees Gia is away, in the status and in the channel's progress.
        String status = ackText(driver.command(LEADER, "C0TEAM", "status " + id));
        assertThat(status).contains("<@" + GIA + "> skipped (Away until");
        String parent = CheckInDriver.said(awaitCall("chat.postMessage", in("C0TEAM").and(saying(id))));
        assertThat(parent).contains("is checking in with 1 person.").contains("0 of 1 answered, 1 away")
                .contains("*Asked:* <@" + HAL + ">").contains("*Away, not asked:* <@" + GIA + "> (until " + slackDate(back))
                .doesNotContain("skipped");

        // Reminders go to Hal only.
        advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(remindersTo(id, HAL)).hasSize(1);
        assertThat(calls("chat.postMessage", c -> ownDm(c, GIA))).isEmpty();

        // When Hal answers, it completes, and the summary tells the leader Gia was away.
        answer(id, HAL, "Hal's answer " + id);
        driver.awaitStatus(id, "COMPLETED");
        FakeSlack.Call summary = awaitCall("chat.postMessage", in(LEADER).and(saying(id, "is complete")));
        assertThat(CheckInDriver.said(summary)).contains("*Skipped (1):*").contains("<@" + GIA + ">: “Away until");

        // Back early: the next check-in reaches her, and so do its reminders.
        assertThat(ackText(driver.command(GIA, "D" + GIA, "snooze off"))).contains("Welcome back");
        String next = driver.start("trust <@" + GIA + "> <@" + HAL + ">", 2);
        assertThat(calls("chat.postMessage", in(GIA).and(saying(next)))).hasSize(1);
        assertThat(driver.response(next, GIA).getString("status")).isEqualTo("PENDING");
        advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(remindersTo(next, GIA)).hasSize(1);
    }

    @Test
    void whenEveryoneIsAwayNobodyIsCountedAsAskedAndTheCheckInIsComplete() {
        Instant back = START.plus(Duration.ofDays(3));
        driver.command(GIA, "D" + GIA, "snooze 3d");
        String id = driver.start("trust <@" + GIA + ">", 0);
        assertThat(driver.lastRespondText()).contains("I haven't sent it to anyone.")
                .contains("Away, so not asked: <@" + GIA + "> until " + slackDate(back))
                .contains("already complete").doesNotContain("sent it to 1");
        driver.awaitStatus(id, "COMPLETED");
        assertThat(calls("chat.postMessage", c -> ownDm(c, GIA))).isEmpty();
    }

    @Test
    void snoozingAfterTheInvitationStopsRemindersUntilSnoozeOff() {
        String id = driver.start("trust <@" + GIA + "> <@" + HAL + ">", 2);
        assertThat(ackText(driver.command(GIA, "D" + GIA, "snooze 3d"))).contains("You're away until");

        advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(remindersTo(id, HAL)).hasSize(1);
        assertThat(anyReminderTo(GIA)).isEmpty();
        assertThat(job(reminderKey(id, GIA, 1)).getString("note")).contains("away");

        assertThat(ackText(driver.command(GIA, "D" + GIA, "snooze off"))).contains("Welcome back");
        advance(Duration.ofHours(3));
        assertThat(remindersTo(id, GIA)).as("reminders resume once she is back").hasSize(1);
        assertThat(remindersTo(id, HAL)).hasSize(2);
    }

    @Test
    void badSnoozeInputGetsAClearReplyAndChangesNothing() {
        assertThat(ackText(driver.command(GIA, "D" + GIA, "snooze soon")))
                .contains("I didn't understand `soon`").contains("/alliance snooze 7d");
        assertThat(ackText(driver.command(GIA, "D" + GIA, "snooze 400d"))).contains("1 to 90 days");
        assertThat(ackText(driver.command(GIA, "D" + GIA, "snooze 0d"))).contains("1 to 90 days");
        assertThat(db.getCollection("snoozes").countDocuments(Filters.eq("userId", GIA))).isZero();
        assertThat(ackText(driver.command(GIA, "D" + GIA, "snooze off"))).contains("weren't snoozed");

        // Nothing was snoozed: a check-in reaches her.
        String id = driver.start("trust <@" + GIA + ">", 1);
        assertThat(driver.response(id, GIA).getString("status")).isEqualTo("PENDING");
    }
}
