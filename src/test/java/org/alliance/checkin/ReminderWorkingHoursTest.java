package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reminder waits for its person's own working hours (09:00-18:00 MON-FRI in their zone).
 * The check-in starts Monday 2026-11-30 00:00 UTC: 09:00 on Monday in Tokyo, but 16:00 on
 * Sunday in Los Angeles. The first reminders fall due at 02:00 UTC: 11:00 Monday for Kenji,
 * Sunday evening for Lucy, whose next working day starts Monday 09:00 PST (17:00 UTC).
 */
class ReminderWorkingHoursTest extends TimedCheckInScenario {

    static final String KENJI = "U0WHTOKYO";
    static final String LUCY = "U0WHLA";
    static final Instant MIDNIGHT_UTC = Instant.parse("2026-11-30T00:00:00Z");
    static final Instant LUCY_MONDAY_9AM = ZonedDateTime.of(2026, 11, 30, 9, 0, 0, 0,
            ZoneId.of("America/Los_Angeles")).toInstant();

    @BeforeEach
    void people() {
        slack.addUser(KENJI, "Kenji", "Asia/Tokyo").addUser(LUCY, "Lucy", "America/Los_Angeles");
    }

    @Test
    void aReminderDueOutsideSomeonesHoursWaitsForTheirNextWorkingDay() {
        assertThat(LUCY_MONDAY_9AM).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        setClock(MIDNIGHT_UTC);
        String id = driver.start("trust <@" + KENJI + "> <@" + LUCY + ">", 2);

        // 02:00 UTC: inside Kenji's hours, outside Lucy's.
        advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(remindersTo(id, KENJI)).hasSize(1);
        assertThat(anyReminderTo(LUCY)).isEmpty();
        Document lucysFirst = job(reminderKey(id, LUCY, 1));
        assertThat(lucysFirst.getString("status")).isEqualTo("PENDING");
        assertThat(dueAt(lucysFirst)).isEqualTo(LUCY_MONDAY_9AM);
        assertThat(lucysFirst.getInteger("attempts")).as("a deferral is not a failed try").isZero();
        assertThat(job(reminderKey(id, KENJI, 1)).getString("status")).isEqualTo("DONE");

        // Kenji's second reminder comes at 05:00 UTC (14:00 in Tokyo); Lucy is still off work.
        advance(Duration.ofHours(3));
        assertThat(remindersTo(id, KENJI)).hasSize(2);
        assertThat(anyReminderTo(LUCY)).isEmpty();

        // Just before 09:00 in Los Angeles: nothing yet.
        setClock(LUCY_MONDAY_9AM.minusSeconds(60));
        assertThat(anyReminderTo(LUCY)).isEmpty();

        // Just after: exactly one reminder, in her DM thread.
        setClock(LUCY_MONDAY_9AM.plusSeconds(60));
        assertThat(remindersTo(id, LUCY)).hasSize(1);
        assertThat(anyReminderTo(LUCY)).hasSize(1);
        assertThat(job(reminderKey(id, LUCY, 1)).getString("status")).isEqualTo("DONE");

        // Her second reminder keeps its distance from the first, and still comes in her working day.
        Document lucysSecond = job(reminderKey(id, LUCY, 2));
        Instant second = dueAt(lucysSecond);
        assertThat(second).isAfterOrEqualTo(LUCY_MONDAY_9AM.plus(Duration.ofHours(3)))
                .isBefore(LUCY_MONDAY_9AM.plus(Duration.ofHours(9)));
        setClock(second.plusSeconds(60));
        assertThat(remindersTo(id, LUCY)).hasSize(2);
        assertThat(remindersTo(id, KENJI)).as("Kenji had his two already").hasSize(2);
    }

    @Test
    void aReminderDueOnTheWeekendWaitsForMonday() {
        // Friday 2026-12-04 16:30 in Tokyo (07:30 UTC): the first reminder is due at 18:30, after hours.
        Instant fridayAfternoonTokyo = Instant.parse("2026-12-04T07:30:00Z");
        Instant mondayTokyo9am = Instant.parse("2026-12-07T00:00:00Z");
        setClock(fridayAfternoonTokyo);
        String id = driver.start("trust <@" + KENJI + "> due:5d", 1);

        advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(anyReminderTo(KENJI)).isEmpty();
        assertThat(dueAt(job(reminderKey(id, KENJI, 1)))).isEqualTo(mondayTokyo9am);

        setClock(mondayTokyo9am.minusSeconds(60));
        assertThat(anyReminderTo(KENJI)).isEmpty();
        setClock(mondayTokyo9am.plusSeconds(60));
        assertThat(remindersTo(id, KENJI)).hasSize(1);
    }
}
