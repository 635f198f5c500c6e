package org.alliance.commitments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.ScheduledAppTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commitment's confirmation promises exactly the reminders that will go. The leader is in
 * London; a commitment is due at 17:00 there on its day.
 */
class LateCommitmentTest extends ScheduledAppTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALICE = "U0ALICE";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void dueTodayButEnteredAfterItsDueTimeGetsNoReminderAndSaysSo() {
        String checkInId = answeredCheckIn();
        // 18:00 in London: today's 17:00 has passed, but today is still a day one may commit to.
        Instant sixPm = ZonedDateTime.of(2026, 11, 30, 18, 0, 0, 0, LONDON).toInstant();
        clock.set(sixPm);
        LocalDate today = LocalDate.ofInstant(sixPm, LONDON);

        assertThat(driver.submitCommitment(LEADER, checkInId, ALICE, "Call the vendor", today).statusCode())
                .isEqualTo(200);

        String confirmation = CheckInDriver.said(awaitConfirmation());
        assertThat(confirmation).contains("I won't send a reminder").doesNotContain("remind you");
        assertThat(reminderJobs(checkInId)).as("no reminder is scheduled").isEmpty();
    }

    @Test
    void dueTodayBeforeItsDueTimeIsPromisedTheOneReminderThatWillGo() {
        String checkInId = answeredCheckIn();
        LocalDate today = LocalDate.ofInstant(START, LONDON);
        Instant fivePm = ZonedDateTime.of(today, Commitment.DUE_TIME, LONDON).toInstant();

        assertThat(driver.submitCommitment(LEADER, checkInId, ALICE, "Call the vendor", today).statusCode())
                .isEqualTo(200);

        String confirmation = CheckInDriver.said(awaitConfirmation());
        assertThat(confirmation).contains("I'll remind you <!date^" + fivePm.getEpochSecond() + "^")
                .doesNotContain(" and <!date^");
        assertThat(reminderJobs(checkInId)).extracting(j -> ((Date) j.get("dueAt")).toInstant())
                .containsExactly(fivePm);
    }

    private String answeredCheckIn() {
        String checkInId = driver.start("development <@" + ALICE + "|alice> visibility:leader", 1);
        assertThat(driver.submitAnswers(ALICE, checkInId, Map.of("aspirations", "Lead a team", "help", "Time"))
                .statusCode()).isEqualTo(200);
        driver.awaitResponseStatus(checkInId, ALICE, "ANSWERED");
        return checkInId;
    }

    private static FakeSlack.Call awaitConfirmation() {
        return await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").stream()
                .filter(c -> LEADER.equals(c.param("channel")))
                .filter(c -> CheckInDriver.said(c).contains("You committed to <@" + ALICE + ">"))
                .findFirst().orElse(null), c -> c != null);
    }

    private List<Document> reminderJobs(String checkInId) {
        Document commitment = await().atMost(WAIT).until(() -> db.getCollection("commitments")
                .find(Filters.eq("commitment.checkInId", checkInId)).first(), d -> d != null);
        return db.getCollection("jobs").find(Filters.and(Filters.eq("kind", "commitment.remind"),
                Filters.regex("_id", "^commitment\\.remind:" + commitment.getString("_id") + ":"))).into(new ArrayList<>());
    }
}
