package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /alliance status <id>} shows the leader which reminders are still to go out, and to whom. */
class StatusRemindersTest extends TimedCheckInScenario {

    static final String ELLA = "U0STELLA";
    static final String FINN = "U0STFINN";

    @BeforeEach
    void londoners() {
        slack.addUser(ELLA, "Ella", "Europe/London").addUser(FINN, "Finn", "Europe/London");
    }

    @Test
    void theLeaderSeesUpcomingRemindersAndAParticipantDoesNot() {
        String id = driver.start("trust <@" + ELLA + "> <@" + FINN + ">", 2);
        Instant first = START.plus(Duration.ofHours(2));
        Instant second = START.plus(Duration.ofHours(5));

        String status = ackText(driver.command(LEADER, "C0TEAM", "status " + id));
        assertThat(status).contains(id).contains("*Upcoming reminders*")
                .contains("• <@" + ELLA + "> " + slackDate(first)).contains("• <@" + ELLA + "> " + slackDate(second))
                .contains("• <@" + FINN + "> " + slackDate(first)).contains("• <@" + FINN + "> " + slackDate(second));

        // Once Ella has answered, no reminder of hers is shown: none will be sent.
        answer(id, ELLA, "Ella's answer " + id);
        status = ackText(driver.command(LEADER, "C0TEAM", "status " + id));
        assertThat(status).contains("• <@" + FINN + "> " + slackDate(first))
                .doesNotContain("• <@" + ELLA + "> " + slackDate(first))
                .doesNotContain("• <@" + ELLA + "> " + slackDate(second));

        // A participant sees their own part, but neither the schedule nor anyone else's state.
        String finns = ackText(driver.command(FINN, "D" + FINN, "status " + id));
        assertThat(finns).contains(id).contains("Your part: pending")
                .doesNotContain("Upcoming reminders").doesNotContain(slackDate(first)).doesNotContain(slackDate(second))
                .doesNotContain("<@" + ELLA + ">").doesNotContain("Ella's answer");

        // After the first reminder went out (a minute late), only the second is left, shown when it will
        // really go: three hours after the first one went.
        advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(remindersTo(id, FINN)).hasSize(1);
        Instant secondReally = first.plusSeconds(60).plus(Duration.ofHours(3));
        status = ackText(driver.command(LEADER, "C0TEAM", "status " + id));
        assertThat(status).contains("• <@" + FINN + "> " + slackDate(secondReally)).doesNotContain(slackDate(first))
                .doesNotContain(slackDate(second));

        // After the last one: nothing left to send, and the leader is told so.
        advance(Duration.ofHours(3));
        assertThat(remindersTo(id, FINN)).hasSize(2);
        status = ackText(driver.command(LEADER, "C0TEAM", "status " + id));
        assertThat(status).doesNotContain("*Upcoming reminders*").contains("No reminders left to send");
    }
}
