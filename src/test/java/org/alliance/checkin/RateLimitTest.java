package org.alliance.checkin;

import java.util.List;

import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rate-limited DM is retried after Retry-After: nobody is left out and nobody gets two. */
class RateLimitTest extends CheckInScenario {

    @Test
    void aRateLimitedFirstDmIsRetriedAndEveryoneGetsExactlyOne() {
        slack.rateLimitWhen("chat.postMessage", p -> "U0ALICE".equals(p.get("channel")), 1, 1);

        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL>", 3);

        for (String person : List.of("U0ALICE", "U0BOB", "U0CAROL")) {
            assertThat(invitations(id, person)).as("DMs to %s", person).hasSize(1);
            assertThat(driver.response(id, person).getString("dmChannelId")).isEqualTo("D" + person);
        }
        List<FakeSlack.Call> aliceAttempts = slack.allAttempts("chat.postMessage").stream()
                .filter(in("U0ALICE")).filter(saying(id)).toList();
        assertThat(aliceAttempts).extracting(FakeSlack.Call::status).containsExactly(429, 200);
        assertThat(driver.lastRespondText()).contains("sent it to 3 people");
        // The leader was not told anyone was unreachable.
        assertThat(slack.calls("chat.postMessage")).noneSatisfy(c -> assertThat(c.param("text"))
                .contains("couldn't send check-in `" + id + "`"));
    }
}
