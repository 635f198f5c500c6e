package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /alliance status} shows each reminder when it will really go (working hours 09:00-18:00
 * MON-FRI in each person's zone, never after the due time), and then it goes just then.
 * Reminders come 2 h after the invitation and 3 h apart, two at most.
 */
class StatusRealReminderTimesTest extends TimedCheckInScenario {

    static final String KENJI = "U0RTTOKYO";
    static final String LUCY = "U0RTLA";

    @BeforeEach
    void people() {
        slack.addUser(KENJI, "Kenji", "Asia/Tokyo").addUser(LUCY, "Lucy", "America/Los_Angeles");
    }

    @Test
    void aReminderOutsideSomeonesHoursIsShownWhenItWillReallyGo() {
        // Monday 00:00 UTC: 09:00 Monday in Tokyo, 16:00 Sunday in Los Angeles.
        Instant midnight = Instant.parse("2026-11-30T00:00:00Z");
        Instant lucyMonday9am = Instant.parse("2026-11-30T17:00:00Z");
        setClock(midnight);
        String id = driver.start("trust <@" + KENJI + "> <@" + LUCY + ">", 2);

        String status = ackText(driver.command(LEADER, "C0TEAM", "status " + id));
        Instant nominalFirst = midnight.plus(Duration.ofHours(2));
        Instant nominalSecond = midnight.plus(Duration.ofHours(5));
        assertThat(status).contains("• <@" + KENJI + "> " + slackDate(nominalFirst))
                .contains("• <@" + KENJI + "> " + slackDate(nominalSecond))
                // Lucy's are on Monday in her working day, three hours apart: not at their nominal times.
                .contains("• <@" + LUCY + "> " + slackDate(lucyMonday9am))
                .contains("• <@" + LUCY + "> " + slackDate(lucyMonday9am.plus(Duration.ofHours(3))))
                .doesNotContain("• <@" + LUCY + "> " + slackDate(nominalFirst))
                .doesNotContain("• <@" + LUCY + "> " + slackDate(nominalSecond));

        // And they go just then.
        setClock(lucyMonday9am.minusSeconds(60));
        assertThat(anyReminderTo(LUCY)).isEmpty();
        setClock(lucyMonday9am.plusSeconds(60));
        assertThat(remindersTo(id, LUCY)).hasSize(1);
        // The first went a minute late (the clock jumped past 09:00): the second keeps its distance from it.
        Instant second = lucyMonday9am.plusSeconds(60).plus(Duration.ofHours(3));
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "status " + id)))
                .contains("• <@" + LUCY + "> " + slackDate(second));
        setClock(second.minusSeconds(60));
        assertThat(remindersTo(id, LUCY)).hasSize(1);
        setClock(second.plusSeconds(60));
        assertThat(remindersTo(id, LUCY)).hasSize(2);
    }

    @Test
    void aReminderWithNoWorkingHoursLeftBeforeTheDueTimeIsNotShownAndNotSent() {
        // Friday 16:30 in Tokyo, due in a day: the reminder falls at 18:30, and Monday is after the due time.
        Instant fridayAfternoonTokyo = Instant.parse("2026-12-04T07:30:00Z");
        setClock(fridayAfternoonTokyo);
        String id = driver.start("trust <@" + KENJI + "> due:1d", 1);

        String status = ackText(driver.command(LEADER, "C0TEAM", "status " + id));
        assertThat(status).doesNotContain("*Upcoming reminders*").doesNotContain("• <@" + KENJI + "> <!date^")
                .contains("No reminders left to send");

        advance(Duration.ofHours(6));
        advance(Duration.ofHours(18));
        assertThat(anyReminderTo(KENJI)).isEmpty();
    }
}
