package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reminder Slack keeps refusing is tried again after alliance.scheduler.retry-after (PT1M)
 * times the attempt, up to max-attempts (3); then the job is FAILED and the leader is told.
 */
class FailingReminderTest extends TimedCheckInScenario {

    static final String LIV = "U0FLLIV";
    static final String MAX = "U0FLMAX";

    @BeforeEach
    void londoners() {
        slack.addUser(LIV, "Liv", "Europe/London").addUser(MAX, "Max", "Europe/London");
    }

    @Test
    void aFailingReminderIsRetriedThenMarkedFailedAndTheLeaderIsTold() {
        String id = driver.start("trust <@" + LIV + "> <@" + MAX + ">", 2);
        String livDm = driver.response(id, LIV).getString("dmChannelId");
        assertThat(livDm).isEqualTo("D" + LIV);
        slack.failWhen("chat.postMessage", p -> livDm.equals(p.get("channel")), "channel_not_found");
        String key = reminderKey(id, LIV, 1);

        // First try, at the reminder's time: refused, and put back for a minute later.
        advance(Duration.ofHours(2).plusMinutes(1));
        Instant firstTry = clock.instant();
        assertThat(attemptsAt(livDm)).hasSize(1);
        Document job = job(key);
        assertThat(job.getString("status")).isEqualTo("PENDING");
        assertThat(job.getInteger("attempts")).isEqualTo(1);
        assertThat(job.getString("note")).contains("channel_not_found");
        assertThat(dueAt(job)).isEqualTo(firstTry.plus(Duration.ofMinutes(1)));
        // Max, whose DM works, was reminded as usual.
        assertThat(remindersTo(id, MAX)).hasSize(1);

        // Not before the retry time.
        advance(Duration.ofSeconds(59));
        await().during(Duration.ofMillis(500)).atMost(WAIT).untilAsserted(() ->
                assertThat(job(key).getInteger("attempts")).isEqualTo(1));
        assertThat(attemptsAt(livDm)).hasSize(1);

        // Second try: refused again, next one 2 × PT1M later.
        advance(Duration.ofSeconds(2));
        Instant secondTry = clock.instant();
        await().atMost(WAIT).until(() -> job(key).getInteger("attempts") == 2);
        assertThat(attemptsAt(livDm)).hasSize(2);
        assertThat(dueAt(job(key))).isEqualTo(secondTry.plus(Duration.ofMinutes(2)));
        assertThat(job(key).getString("status")).isEqualTo("PENDING");
        assertThat(toLeaderAbout(id)).isEmpty();

        // Third and last try: the job fails for good, and the leader hears about it once.
        advance(Duration.ofMinutes(2));
        await().atMost(WAIT).until(() -> "FAILED".equals(job(key).getString("status")));
        assertThat(job(key).getInteger("attempts")).isEqualTo(3);
        assertThat(job(key).getString("note")).contains("channel_not_found");
        assertThat(attemptsAt(livDm)).hasSize(3);
        FakeSlack.Call told = await().atMost(WAIT).until(() -> toLeaderAbout(id), l -> !l.isEmpty()).get(0);
        assertThat(told.param("text")).contains("I couldn't remind <@" + LIV + ">").contains("`" + id + "`")
                .contains("channel_not_found").contains("nudge them yourself");

        // It stays failed: no more tries, no second message to the leader.
        advance(Duration.ofMinutes(10));
        assertThat(attemptsAt(livDm)).hasSize(3);
        assertThat(toLeaderAbout(id)).hasSize(1);
        assertThat(job(key).getString("status")).isEqualTo("FAILED");
        assertThat(driver.checkIn(id).getString("status")).isEqualTo("OPEN");
    }

    /** Reminder posts to the DM channel, including refused ones. */
    private static List<FakeSlack.Call> attemptsAt(String channel) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel")))
                .filter(c -> CheckInDriver.said(c).contains(REMINDER_TEXT)).toList();
    }

    private static List<FakeSlack.Call> toLeaderAbout(String id) {
        return slack.calls("chat.postMessage").stream().filter(c -> LEADER.equals(c.param("channel")))
                .filter(c -> CheckInDriver.said(c).contains("I couldn't remind") && CheckInDriver.said(c).contains(id))
                .toList();
    }
}
