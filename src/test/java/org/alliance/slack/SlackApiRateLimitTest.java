package org.alliance.slack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SlackApiRateLimitTest extends AllianceIntegrationTest {

    @Autowired
    SlackApi api;

    @Autowired
    UserDirectory users;

    @Test
    void aRateLimitedPostIsRetriedAfterRetryAfterAndLandsOnce() {
        slack.rateLimitNext("chat.postMessage", 2, 1);

        long started = System.nanoTime();
        ChatPostMessageResponse response = api.call(FakeSlack.TEAM_ID, "chat.postMessage",
                c -> c.chatPostMessage(r -> r.channel("C0GENERAL").text("hello after the limit")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.isOk()).isTrue();
        assertThat(slack.calls("chat.postMessage")).singleElement()
                .satisfies(call -> assertThat(call.param("text")).isEqualTo("hello after the limit"));
        assertThat(slack.allAttempts("chat.postMessage")).hasSize(3)
                .extracting(FakeSlack.Call::status).containsExactly(429, 429, 200);
        // Two answers of Retry-After: 1 must have cost at least two seconds of waiting.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aCallStillRateLimitedAfterTheLongestWaitFailsAndNothingWasPosted() {
        // The test context allows 3 seconds of waiting (alliance.slack.rate.max-rate-limit-wait).
        slack.rateLimitNext("chat.postMessage", 20, 1);

        SlackCallFailed failed = catchThrowableOfType(SlackCallFailed.class,
                () -> api.call(FakeSlack.TEAM_ID, "chat.postMessage",
                        c -> c.chatPostMessage(r -> r.channel("C0GENERAL").text("never lands"))));

        assertThat(failed).isNotNull();
        assertThat(failed.method()).isEqualTo("chat.postMessage");
        assertThat(failed.error()).isEqualTo("HTTP 429");
        assertThat(slack.allAttempts("chat.postMessage")).hasSizeBetween(3, 6)
                .allSatisfy(call -> assertThat(call.status()).isEqualTo(429));
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void aWorkspacePausedByARateLimitDoesNotHoldUpAnother() throws Exception {
        slack.rateLimitWhen("chat.postMessage", p -> "C0PAUSEDT1".equals(p.get("channel")), 1, 2);
        java.util.concurrent.CompletableFuture<ChatPostMessageResponse> first = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> api.call("T0PACEONE", "chat.postMessage",
                        c -> c.chatPostMessage(r -> r.channel("C0PAUSEDT1").text("waits out its pause"))));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.allAttempts("chat.postMessage").stream().anyMatch(c -> c.status() == 429));

        // T1 now waits two seconds before trying again; T2's message goes out at once, while T1 still waits.
        ChatPostMessageResponse second = api.call("T0PACETWO", "chat.postMessage",
                c -> c.chatPostMessage(r -> r.channel("C0BUSYT2").text("not held up")));
        assertThat(second.isOk()).isTrue();
        assertThat(first).isNotDone();
        assertThat(slack.calls("chat.postMessage")).extracting(c -> c.param("channel")).containsExactly("C0BUSYT2");

        assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS).isOk()).isTrue();
        assertThat(slack.calls("chat.postMessage")).extracting(c -> c.param("channel"))
                .containsExactly("C0BUSYT2", "C0PAUSEDT1");
    }

    @Test
    void aRateLimitedLookupDoesNotHoldUpMessagesOfItsWorkspace() throws Exception {
        // Slack limits each method on its own (users.list is Tier 2), and messages against their own budget.
        slack.rateLimitNext("users.list", 1, 2);
        java.util.concurrent.CompletableFuture<com.slack.api.methods.response.users.UsersListResponse> listing =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> api.call(FakeSlack.TEAM_ID, "users.list",
                        c -> c.usersList(r -> r.limit(200))));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.allAttempts("users.list").stream().anyMatch(c -> c.status() == 429));

        // users.list now waits two seconds before trying again; a message of the same workspace goes out at once.
        ChatPostMessageResponse message = api.call(FakeSlack.TEAM_ID, "chat.postMessage",
                c -> c.chatPostMessage(r -> r.channel("C0GENERAL").text("not held up by the listing")));
        assertThat(message.isOk()).isTrue();
        assertThat(listing).isNotDone();
        assertThat(slack.calls("users.list")).isEmpty();

        assertThat(listing.get(10, java.util.concurrent.TimeUnit.SECONDS).isOk()).isTrue();
        assertThat(slack.calls("users.list")).hasSize(1);
    }

    @Test
    void aRateLimitedLookupPausesTheSameLookupOfItsWorkspace() throws Exception {
        slack.rateLimitNext("users.list", 1, 2);
        java.util.concurrent.CompletableFuture<com.slack.api.methods.response.users.UsersListResponse> first =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> api.call(FakeSlack.TEAM_ID, "users.list",
                        c -> c.usersList(r -> r.limit(200))));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> slack.allAttempts("users.list").stream().anyMatch(c -> c.status() == 429));
        Thread.sleep(300); // the 429's answer reaches the client and sets the pause (2 s) meanwhile

        long started = System.nanoTime();
        assertThat(api.call(FakeSlack.TEAM_ID, "users.list", c -> c.usersList(r -> r.limit(200))).isOk()).isTrue();
        // It waited out the pause rather than calling into it: only the first call met a 429.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(slack.allAttempts("users.list")).filteredOn(c -> c.status() == 429).hasSize(1);
        assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS).isOk()).isTrue();
    }

    // The directory's cache lives as long as the shared context, so each test uses people only it knows.

    @Test
    void aPersonIsLookedUpOnceAndThenServedFromTheCache() {
        slack.addUser("U0CACHED", "Casey", "America/Los_Angeles");

        Optional<UserDirectory.Person> first = users.find(FakeSlack.TEAM_ID, "U0CACHED");
        Optional<UserDirectory.Person> second = users.find(FakeSlack.TEAM_ID, "U0CACHED");

        assertThat(first).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("Casey");
            assertThat(p.tz()).isEqualTo("America/Los_Angeles");
            assertThat(p.bot()).isFalse();
        });
        assertThat(second).isEqualTo(first);
        assertThat(usersInfoCallsFor("U0CACHED")).isEqualTo(1);
    }

    @Test
    void anUnknownPersonIsEmptyAndDisplayedById() {
        assertThat(users.find(FakeSlack.TEAM_ID, "U0NEVERSEEN")).isEmpty();
        assertThat(users.displayName(FakeSlack.TEAM_ID, "U0NEVERSEEN")).isEqualTo("U0NEVERSEEN");
        // "Not found" is cached too, so a stranger in a fan-out is not looked up per message.
        assertThat(usersInfoCallsFor("U0NEVERSEEN")).isEqualTo(1);
    }

    @Test
    void aUserChangeEventMakesTheNextLookupAskSlackAgain() {
        slack.addUser("U0RENAMED", "Old Name", "Asia/Tokyo");
        assertThat(users.displayName(FakeSlack.TEAM_ID, "U0RENAMED")).isEqualTo("Old Name");

        // Slack renames the person; without an event the cached name is kept.
        slack.addUser("U0RENAMED", "New Name", "Europe/Berlin");
        assertThat(users.displayName(FakeSlack.TEAM_ID, "U0RENAMED")).isEqualTo("Old Name");
        assertThat(usersInfoCallsFor("U0RENAMED")).isEqualTo(1);

        HttpResponse<String> response = requests.event("{\"type\":\"user_change\",\"user\":{\"id\":\"U0RENAMED\","
                + "\"team_id\":\"T0001\",\"name\":\"renamed\",\"real_name\":\"New Name\",\"tz\":\"Europe/Berlin\"},"
                + "\"event_ts\":\"1700000000.000100\"}");
        assertThat(response.statusCode()).isEqualTo(200);

        assertThat(users.find(FakeSlack.TEAM_ID, "U0RENAMED")).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("New Name");
            assertThat(p.tz()).isEqualTo("Europe/Berlin");
        });
        assertThat(usersInfoCallsFor("U0RENAMED")).isEqualTo(2);
    }

    private static int usersInfoCallsFor(String userId) {
        return (int) slack.calls("users.info").stream().filter(c -> userId.equals(c.param("user"))).count();
    }
}
