package org.alliance.checkin;

import java.time.Duration;

import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders go out first-after (PT2H here) the invitation, then every PT3H, at most twice, and
 * only to people still waiting to answer. Everyone here works in London, where the test's Monday
 * 10:00 UTC is 10:00 local: every time involved is inside working hours.
 */
class ReminderTimingTest extends TimedCheckInScenario {

    static final String ANNA = "U0REMANNA";
    static final String BEN = "U0REMBEN";
    static final String CARA = "U0REMCARA";

    @BeforeEach
    void londoners() {
        slack.addUser(ANNA, "Anna", "Europe/London").addUser(BEN, "Ben", "Europe/London")
                .addUser(CARA, "Cara", "Europe/London");
    }

    @Test
    void remindersGoOutOnTimeOnlyToPeopleWhoHaveNotAnsweredAndStopAtTheMaximum() {
        String id = driver.start("trust <@" + ANNA + "> <@" + BEN + "> <@" + CARA + ">", 3);
        // Ben answers straight away.
        answer(id, BEN, "Ben's answer " + id);

        // The reminders are on the schedule, relative to the invitation.
        assertThat(dueAt(job(reminderKey(id, ANNA, 1)))).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(dueAt(job(reminderKey(id, ANNA, 2)))).isEqualTo(START.plus(Duration.ofHours(5)));

        // Not before first-after.
        advance(Duration.ofMinutes(119));
        assertThat(anyReminderTo(ANNA)).isEmpty();
        assertThat(anyReminderTo(CARA)).isEmpty();

        // Just after it: one reminder each for Anna and Cara, in the thread of their invitation; none for Ben.
        advance(Duration.ofMinutes(2));
        for (String waiting : new String[] {ANNA, CARA}) {
            assertThat(remindersTo(id, waiting)).as("reminders to %s", waiting).hasSize(1);
            assertThat(anyReminderTo(waiting)).hasSize(1);
            FakeSlack.Call reminder = remindersTo(id, waiting).get(0);
            assertThat(reminder.param("thread_ts")).isEqualTo(driver.response(id, waiting).getString("dmTs"));
            assertThat(reminder.param("channel")).isEqualTo("D" + waiting);
            assertThat(reminder.param("text")).contains("<@U0LEADER>").contains("Building trust");
        }
        assertThat(anyReminderTo(BEN)).isEmpty();
        assertThat(calls("chat.postMessage", c -> ownDm(c, BEN) && c.param("thread_ts") != null)).isEmpty();

        // Cara answers between the reminders: her second one never goes out.
        answer(id, CARA, "Cara's answer " + id);

        advance(Duration.ofMinutes(178));   // a minute before the second reminder is due
        assertThat(remindersTo(id, ANNA)).hasSize(1);

        advance(Duration.ofMinutes(2));     // just past it
        assertThat(remindersTo(id, ANNA)).hasSize(2);
        assertThat(anyReminderTo(CARA)).hasSize(1);
        assertThat(anyReminderTo(BEN)).isEmpty();
        assertThat(job(reminderKey(id, CARA, 2)).getString("status")).isEqualTo("DONE");
        assertThat(job(reminderKey(id, CARA, 2)).getString("note")).startsWith("skipped:");

        // The maximum is two: a day later, still two, and still nothing for the others.
        advance(Duration.ofHours(24));
        assertThat(anyReminderTo(ANNA)).hasSize(2);
        assertThat(anyReminderTo(CARA)).hasSize(1);
        assertThat(anyReminderTo(BEN)).isEmpty();
        assertThat(driver.checkIn(id).getString("status")).isEqualTo("OPEN");
    }

    @Test
    void aPersonWhoAnswersGetsNoFurtherReminders() {
        String id = driver.start("trust <@" + ANNA + "> <@" + BEN + ">", 2);

        advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(remindersTo(id, ANNA)).hasSize(1);
        assertThat(remindersTo(id, BEN)).hasSize(1);

        // Anna answers in her DM thread, one question at a time (skipping the rest).
        driver.replyInThread(id, ANNA, "Anna's thread answer " + id);
        for (int next = 1; next < 4; next++) {
            int expected = next;
            org.awaitility.Awaitility.await().atMost(WAIT)
                    .until(() -> driver.response(id, ANNA).getInteger("threadNext") == expected);
            driver.replyInThread(id, ANNA, next == 3 ? "5" : "skip");
        }
        driver.awaitResponseStatus(id, ANNA, "ANSWERED");

        advance(Duration.ofHours(3));
        assertThat(remindersTo(id, BEN)).hasSize(2);
        assertThat(anyReminderTo(ANNA)).hasSize(1);
    }

    @Test
    void twoOverdueRemindersAfterDowntimeStillKeepTheirDistance() {
        String id = driver.start("trust <@" + ANNA + ">", 1);

        // As if the bot had been down all day: both reminders (due at 12:00 and 15:00) are overdue at 15:30.
        advance(Duration.ofMinutes(330));

        assertThat(remindersTo(id, ANNA)).hasSize(1);
        assertThat(job(reminderKey(id, ANNA, 2)).getString("status")).isEqualTo("PENDING");
        assertThat(dueAt(job(reminderKey(id, ANNA, 2))))
                .isAfterOrEqualTo(START.plus(Duration.ofMinutes(330)).plus(Duration.ofHours(3)));
    }
}
