package org.alliance.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.slack.api.Slack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.alliance.support.FakeSlack;
import org.alliance.support.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The directory's cache filled ahead from users.list, without Spring: a real SlackApi against a fake Slack. */
class UserDirectoryTest {

    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final FakeSlack slack = FakeSlack.start();
    private static final List<String> CROWD = IntStream.range(0, 300).mapToObj(i -> String.format("U0C%03d", i)).toList();
    private static final List<String> ZONES = List.of("Asia/Tokyo", "America/Los_Angeles", "Europe/Berlin");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private Slack sdk;

    @BeforeEach
    void crowd() {
        slack.reset();
        for (int i = 0; i < CROWD.size(); i++) {
            slack.addUser(CROWD.get(i), "Person " + i, ZONES.get(i % ZONES.size()));
        }
    }

    @AfterAll
    static void stop() {
        slack.close();
    }

    @Test
    void aLargeFanOutListsTheWorkspaceOnceAndNeedsNoUsersInfo() {
        UserDirectory directory = directory(null);

        directory.prefetch(TEAM, CROWD);

        // 305 people (the crowd and the fake's five) at 200 a page.
        assertThat(slack.calls("users.list")).hasSize(2)
                .allSatisfy(c -> assertThat(c.param("limit")).isEqualTo("200"));
        assertThat(directory.find(TEAM, "U0C007")).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("Person 7");
            assertThat(p.tz()).isEqualTo("America/Los_Angeles");
            assertThat(p.bot()).isFalse();
            assertThat(p.deleted()).isFalse();
        });
        CROWD.forEach(u -> assertThat(directory.find(TEAM, u)).isPresent());
        assertThat(directory.find(TEAM, "U0ALICE")).hasValueSatisfying(p -> assertThat(p.tz()).isEqualTo("Asia/Tokyo"));
        assertThat(slack.calls("users.info")).isEmpty();

        // Everyone is cached now: the same fan-out again costs nothing.
        directory.prefetch(TEAM, CROWD);
        assertThat(slack.calls("users.list")).hasSize(2);
    }

    @Test
    void aHandfulIsLookedUpOneByOne() {
        UserDirectory directory = directory(null);
        List<String> few = CROWD.subList(0, UserDirectory.BULK_AFTER);

        directory.prefetch(TEAM, few);
        few.forEach(u -> directory.find(TEAM, u));

        assertThat(slack.calls("users.list")).isEmpty();
        assertThat(slack.calls("users.info")).hasSize(UserDirectory.BULK_AFTER);
    }

    @Test
    void entriesExpireAfterTheTtlAndAreFetchedAgain() {
        UserDirectory directory = directory(null);
        directory.prefetch(TEAM, CROWD);

        clock.advance(Duration.ofHours(6).minusSeconds(1));
        assertThat(directory.find(TEAM, "U0C001")).isPresent();
        assertThat(slack.calls("users.info")).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        slack.addUser("U0C001", "Person One Renamed", "Europe/Berlin");
        assertThat(directory.find(TEAM, "U0C001")).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Person One Renamed"));
        assertThat(slack.calls("users.info")).hasSize(1);

        // A fan-out after the ttl lists again rather than asking for each one.
        directory.prefetch(TEAM, CROWD);
        assertThat(slack.calls("users.list")).hasSize(4);
        assertThat(slack.calls("users.info")).hasSize(1);
    }

    @Test
    void fanOutsAtTheSameTimeShareOneListing() throws Exception {
        UserDirectory directory = directory(null);
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        slack.answer("users.list", p -> {
            if (p.get("cursor") == null || p.get("cursor").isEmpty()) {
                listing.countDown();
                hold(release);
            }
            return null;
        });
        List<Thread> fanOuts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                directory.prefetch(TEAM, CROWD);
                CROWD.forEach(u -> directory.find(TEAM, u));
            });
            fanOuts.add(t);
            t.start();
            if (i == 0) {
                assertThat(listing.await(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        // The three later fan-outs wait for the first one's listing instead of starting their own.
        await().atMost(Duration.ofSeconds(10)).until(() -> fanOuts.subList(1, 4).stream()
                .allMatch(t -> t.getState() == Thread.State.WAITING));
        release.countDown();
        for (Thread t : fanOuts) {
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
        }

        assertThat(slack.calls("users.list")).hasSize(2);
        assertThat(slack.calls("users.info")).isEmpty();
    }

    @Test
    void aUserChangeEventMakesThatPersonFreshWhileEveryoneElseStaysCached() {
        UserDirectory directory = directory(null);
        directory.prefetch(TEAM, CROWD);

        slack.addUser("U0C002", "Person Two Moved", "Australia/Sydney");
        assertThat(directory.find(TEAM, "U0C002")).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Person 2"));
        // What SlackRoutes does with a user_change event.
        directory.forget(TEAM, "U0C002");

        assertThat(directory.find(TEAM, "U0C002")).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("Person Two Moved");
            assertThat(p.tz()).isEqualTo("Australia/Sydney");
        });
        assertThat(directory.find(TEAM, "U0C003")).isPresent();
        assertThat(slack.calls("users.info")).singleElement()
                .satisfies(c -> assertThat(c.param("user")).isEqualTo("U0C002"));
        // A user_change for nobody in particular (a malformed event) changes nothing.
        directory.forget(TEAM, null);
        directory.forget(null, "U0C003");
    }

    @Test
    void someoneNotInTheListingIsLookedUpWithUsersInfo() {
        UserDirectory directory = directory(null);
        directory.prefetch(TEAM, CROWD);
        // Joined after the listing (or from another organisation, which users.list never shows).
        slack.addUser("U0LATE", "Late", "Europe/London");

        assertThat(directory.find(TEAM, "U0LATE")).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Late"));
        assertThat(directory.find(TEAM, "U0NOBODY")).isEmpty();
        assertThat(slack.calls("users.info")).extracting(c -> c.param("user")).containsExactly("U0LATE", "U0NOBODY");
        assertThat(slack.calls("users.list")).hasSize(2);
    }

    @Test
    void aFailedListingFallsBackToOneLookupEach() {
        UserDirectory directory = directory(null);
        slack.failNext("users.list", "missing_scope");

        directory.prefetch(TEAM, CROWD);
        CROWD.subList(0, 30).forEach(u -> assertThat(directory.find(TEAM, u)).isPresent());

        assertThat(slack.calls("users.list")).hasSize(1);
        assertThat(slack.calls("users.info")).hasSize(30);
    }

    @Test
    void aWorkspaceKeepsAtMostMaxPeople() {
        UserDirectory directory = directory(50);

        directory.prefetch(TEAM, CROWD);
        // The fake lists by id: the first 50 are U0ALICE, U0BOB and the crowd's first 48.
        CROWD.subList(0, 48).forEach(u -> directory.find(TEAM, u));
        assertThat(slack.calls("users.list")).hasSize(1);
        assertThat(slack.calls("users.info")).isEmpty();

        directory.find(TEAM, "U0C100");
        directory.find(TEAM, "U0C100");
        assertThat(slack.calls("users.info")).hasSize(2);
    }

    private UserDirectory directory(Integer maxPeople) {
        com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setFailOnUnknownProperties(false);
        config.setStatsEnabled(false);
        sdk = Slack.getInstance(config);
        SlackRateSettings rate = new SlackRateSettings(6000, Duration.ZERO, Duration.ofSeconds(3));
        SlackApi api = new SlackApi(sdk, new SendPacer(rate), rate, new SlackMetrics(new SimpleMeterRegistry()),
                (team, method) -> "xoxb-test");
        DirectorySettings settings = new DirectorySettings(Duration.ofHours(6), maxPeople);
        return new UserDirectory(api, new DirectoryListing(api), settings, clock);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
