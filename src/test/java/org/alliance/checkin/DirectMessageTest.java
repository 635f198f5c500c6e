package org.alliance.checkin;

import java.time.Duration;

import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A message to the bot outside any check-in thread gets a pointer, not silence. */
class DirectMessageTest extends AllianceIntegrationTest {

    @Test
    void aMessageOutsideACheckInThreadIsAnsweredWithWhereAnswersGo() {
        requests.event(requests.imMessage("U0DAN", "DU0DAN", "hello?", null));

        FakeSlack.Call reply = await().atMost(Duration.ofSeconds(20)).until(() -> slack.lastCall("chat.postMessage")
                .filter(c -> "U0DAN".equals(c.param("channel"))).orElse(null), c -> c != null);
        assertThat(reply.param("text")).contains("Answer").contains("/alliance list");
        assertThat(reply.param("thread_ts")).isNull();
    }

    @Test
    void theBotsOwnMessagesGetNoReply() {
        String botMessage = "{\"type\":\"message\",\"channel\":\"DU0DAN\",\"channel_type\":\"im\",\"bot_id\":\"B0001\","
                + "\"text\":\"I'm the bot\",\"ts\":\"1700000001.000100\",\"event_ts\":\"1700000001.000100\"}";
        requests.event(botMessage);
        requests.event(requests.imMessage("U0DAN", "DU0DAN", "a person", null));

        await().atMost(Duration.ofSeconds(20)).until(() -> !slack.calls("chat.postMessage").isEmpty());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> slack.calls("chat.postMessage").size() == 1);
    }
}
