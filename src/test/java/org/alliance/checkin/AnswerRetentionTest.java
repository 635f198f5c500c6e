package org.alliance.checkin;

import java.time.Duration;
import java.util.Map;

import org.alliance.support.ScheduledAppTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code alliance.retention.answers} (P400D here): a daily durable job erases old answers and keeps the counts. */
class AnswerRetentionTest extends ScheduledAppTest {

    @Autowired
    AnswerRetention retention;

    @Test
    void answersOfCheckInsEndedLongerAgoThanTheLimitAreErasedDailyAndTheResponsesStay() {
        String old = driver.start("trust <@U0ALICE> <@U0BOB> visibility:leader", 2);
        driver.answer("U0ALICE", old, Map.of("important", "old-words-" + old, "openness", "4"));
        driver.submitSkip("U0BOB", old, "old-reason-" + old);
        driver.awaitStatus(old, "COMPLETED");
        retention.started();

        clock.advance(Duration.ofDays(300));
        String recent = driver.start("trust <@U0ALICE> visibility:leader", 1);
        driver.answer("U0ALICE", recent, Map.of("important", "recent-words-" + recent));
        driver.awaitStatus(recent, "COMPLETED");
        assertThat(driver.response(old, "U0ALICE").get("answers", Document.class)).as("within the limit").isNotEmpty();

        // The run on day 300 scheduled the next one; past 400 days after the old one ended, it erases.
        clock.advance(Duration.ofDays(102));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(driver.response(old, "U0ALICE").get("answers", Document.class)).isEmpty());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(driver.response(old, "U0BOB").get("skipReason")).isNull());
        assertThat(driver.response(old, "U0ALICE").getString("status")).isEqualTo("ANSWERED");
        assertThat(driver.response(old, "U0BOB").getString("status")).isEqualTo("SKIPPED");
        assertThat(driver.response(recent, "U0ALICE").get("answers", Document.class))
                .containsEntry("important", "recent-words-" + recent);
    }
}
