package org.alliance.slack;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Slack answering 429 in the middle of a fan-out: every call is retried after Retry-After, so
 * each person gets exactly one invitation. A call still refused when the longest wait is used
 * up fails, and the leader hears in plain words whom the check-in did not reach.
 * (This context lets one call wait out 429s for at most 3 seconds.)
 */
class RateLimitStormTest extends AllianceIntegrationTest {

    @Autowired
    MongoDatabase db;

    @Autowired
    SlackApi api;

    CheckInDriver driver;

    @BeforeEach
    void driver() {
        driver = new CheckInDriver(slack, requests, db);
    }

    @Test
    void aStormOf429sDuringAFanOutToFiftyPeopleStillGivesEachExactlyOneInvitation() {
        List<String> people = IntStream.rangeClosed(1, 50).mapToObj(i -> String.format("U0STORM%02d", i)).toList();
        people.forEach(u -> slack.addUser(u, "Storm " + u.substring(7), "Europe/Madrid"));
        // Mid-way, at the 20th DM, every message is refused for 1.5 s: that DM sees two or three 429s.
        slack.rateLimitFor("chat.postMessage", p -> "U0STORM20".equals(p.get("channel")), Duration.ofMillis(1500), 1);
        // ...and a few later people are each refused once more.
        for (String u : List.of("U0STORM21", "U0STORM35", "U0STORM50")) {
            slack.rateLimitWhen("chat.postMessage", p -> u.equals(p.get("channel")), 1, 1);
        }

        String id = driver.start("trust " + String.join(" ", people.stream().map(u -> "<@" + u + ">").toList())
                + " <#C0TEAM|team>", people.size());

        for (String u : people) {
            assertThat(slack.calls("chat.postMessage")).as("DMs that reached %s", u)
                    .filteredOn(c -> u.equals(c.param("channel"))).singleElement()
                    .satisfies(c -> assertThat(CheckInDriver.said(c)).contains(id));
            assertThat(driver.response(id, u).getString("dmTs")).as("invitation of %s", u).isNotNull();
        }
        List<FakeSlack.Call> refused = slack.allAttempts("chat.postMessage").stream()
                .filter(c -> c.status() == 429).toList();
        assertThat(refused).as("429s answered during the fan-out").hasSizeGreaterThanOrEqualTo(5);
        List<Integer> stormed = slack.allAttempts("chat.postMessage").stream()
                .filter(c -> "U0STORM20".equals(c.param("channel"))).map(FakeSlack.Call::status).toList();
        assertThat(stormed).as("answers to the DM that met the storm").hasSizeBetween(3, 4).endsWith(200);
        assertThat(stormed.subList(0, stormed.size() - 1)).containsOnly(429);
        for (String u : List.of("U0STORM21", "U0STORM35", "U0STORM50")) {
            // Invitations go out from several senders side by side, so U0STORM21's may also meet the storm.
            List<Integer> statuses = slack.allAttempts("chat.postMessage").stream()
                    .filter(c -> u.equals(c.param("channel"))).map(FakeSlack.Call::status).toList();
            assertThat(statuses).as("answers to %s", u).hasSizeGreaterThanOrEqualTo(2).endsWith(200);
            assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly(429);
        }
        assertThat(driver.lastRespondText()).contains("sent it to 50 people");
        // Nobody was reported unreachable.
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> LEADER.equals(c.param("channel")))
                .noneSatisfy(c -> assertThat(CheckInDriver.said(c)).contains("couldn't send"));
        assertThat(db.getCollection("jobs").countDocuments(Filters.and(Filters.eq("kind", "checkin.remind"),
                Filters.eq("data.checkInId", id), Filters.eq("data.n", "1")))).as("first reminders planned")
                .isEqualTo(50);
    }

    @Test
    void aCallStillRateLimitedWhenTheLongestWaitIsUsedUpFailsWithinThatBound() {
        slack.rateLimitWhen("chat.postMessage", p -> "C0BOUNDED".equals(p.get("channel")), 1000, 1);

        long started = System.nanoTime();
        SlackCallFailed failed = catchThrowableOfType(SlackCallFailed.class,
                () -> api.callOk(FakeSlack.TEAM_ID, "C0BOUNDED", "chat.postMessage",
                        c -> c.chatPostMessage(r -> r.channel("C0BOUNDED").text("never lands"))));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failed).isNotNull();
        assertThat(failed.method()).isEqualTo("chat.postMessage");
        assertThat(failed.error()).isEqualTo("HTTP 429");
        // Three seconds of waiting allowed: it kept trying that long, and gave up soon after.
        assertThat(took).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(6));
        assertThat(slack.allAttempts("chat.postMessage")).hasSizeBetween(3, 5)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(429));
        assertThat(slack.calls("chat.postMessage")).isEmpty();

        // The workspace is usable again once Slack lets up.
        ChatPostMessageResponse after = api.callOk(FakeSlack.TEAM_ID, "C0GENERAL", "chat.postMessage",
                c -> c.chatPostMessage(r -> r.channel("C0GENERAL").text("lands")));
        assertThat(after.isOk()).isTrue();
    }

    @Test
    void theLeaderIsToldWhomAFanOutCouldNotReachAfterTheRetriesRanOut() {
        slack.addUser("U0GONE", "Gone", "Europe/Dublin");
        slack.rateLimitWhen("chat.postMessage", p -> "U0GONE".equals(p.get("channel")), 1000, 1);

        String id = driver.start("trust <@U0ALICE> <@U0GONE> <@U0BOB> <#C0TEAM|team>", 2);

        FakeSlack.Call told = await().atMost(Duration.ofSeconds(15)).until(() -> slack.calls("chat.postMessage")
                .stream().filter(c -> LEADER.equals(c.param("channel")))
                .filter(c -> CheckInDriver.said(c).contains("couldn't send check-in `" + id + "`"))
                .findFirst().orElse(null), c -> c != null);
        String said = CheckInDriver.said(told);
        assertThat(said).contains("<@U0GONE>").doesNotContain("U0ALICE").doesNotContain("U0BOB");
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> LEADER.equals(c.param("channel")))
                .filteredOn(c -> CheckInDriver.said(c).contains("couldn't send")).hasSize(1);

        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> "U0GONE".equals(c.param("channel"))).isEmpty();
        assertThat(slack.allAttempts("chat.postMessage")).filteredOn(c -> "U0GONE".equals(c.param("channel")))
                .hasSizeBetween(3, 5).allSatisfy(c -> assertThat(c.status()).isEqualTo(429));
        for (String u : List.of("U0ALICE", "U0BOB")) {
            assertThat(slack.calls("chat.postMessage")).filteredOn(c -> u.equals(c.param("channel"))).hasSize(1);
        }
        assertThat(driver.response(id, "U0GONE").getString("dmTs")).isNull();
        assertThat(driver.lastRespondText()).contains("sent it to 2 people");
        assertThat(db.getCollection("jobs").countDocuments(Filters.and(Filters.eq("kind", "checkin.remind"),
                Filters.eq("data.checkInId", id), Filters.eq("data.userId", "U0GONE"))))
                .as("reminders planned for someone never invited").isZero();
    }
}
