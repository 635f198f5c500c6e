package org.alliance.recurring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.slack.People;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.MutableClock;
import org.alliance.support.ScheduledAppTest;
import org.alliance.support.SlackRequests;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A round for a channel of 300 people looks them up from two users.list pages, never one users.info
 * each, and still reaches each of them once at 10:00 on their own clock, under their own name.
 * The application, fake Slack, clock and database are this test's own (a check-in may ask at most
 * 100 people by default), and the context is closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LargeRoundLookupsTest.ClockConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LargeRoundLookupsTest {

    private static final String CROWD_CHANNEL = "C0CROWD";
    private static final String THREAD_CHANNEL = "C0CROWDT";
    /** 10:00 on Monday 30 November 2026 is 09:00 UTC in Berlin, 10:00 in London and 13:00 in São Paulo. */
    private static final List<String> ZONES = List.of("Europe/Berlin", "Europe/London", "America/Sao_Paulo");
    private static final List<String> CROWD = IntStream.range(0, 300).mapToObj(i -> String.format("U3P%03d", i)).toList();
    private static final Duration WAIT = Duration.ofSeconds(90);

    static final FakeSlack slack = FakeSlack.start();
    static final MutableClock clock = new MutableClock(ScheduledAppTest.START);

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("alliance-large-round").toString();
        registry.add("alliance.slack.api-url", slack::apiUrl);
        registry.add("alliance.slack.bot-token", () -> AllianceIntegrationTest.BOT_TOKEN);
        registry.add("alliance.slack.signing-secret", () -> AllianceIntegrationTest.SIGNING_SECRET);
        registry.add("alliance.slack.app-token", () -> "");
        registry.add("alliance.mongodb.uri", () -> "");
        registry.add("alliance.embedded-mongo.port", () -> 0);
        registry.add("alliance.embedded-mongo.data-dir", () -> dataDir);
        registry.add("alliance.slack.rate.messages-per-minute", () -> "60000");
        registry.add("alliance.slack.rate.per-conversation", () -> "PT0.01S");
        registry.add("alliance.scheduler.poll-interval", () -> "PT0.1S");
        registry.add("alliance.reminders.first-after", () -> "PT2H");
        registry.add("alliance.checkins.max-participants", () -> "1000");
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase db;

    @Autowired
    People people;

    @Test
    void aRoundForThreeHundredPeopleListsTheWorkspaceInsteadOfLookingUpEachOne() {
        CheckInDriver driver = new CheckInDriver(slack, new SlackRequests("http://127.0.0.1:" + port + "/slack/events",
                AllianceIntegrationTest.SIGNING_SECRET, Clock.systemUTC()), db);
        for (int i = 0; i < CROWD.size(); i++) {
            slack.addUser(CROWD.get(i), "Person " + i, zone(i));
        }
        slack.addChannelMembers(CROWD_CHANNEL, CROWD.toArray(String[]::new));
        at("2026-11-29T12:00:00Z");
        String objective = "Crowd " + System.nanoTime();
        driver.command(CheckInDriver.LEADER, THREAD_CHANNEL, "start trust members:<#" + CROWD_CHANNEL + "|crowd> <#"
                + THREAD_CHANNEL + "|crowd-thread> every:1w at:10:00 objective:\"" + objective + "\"");
        String reply = await().atMost(WAIT).until(() -> slack.lastCall("respond").map(c -> c.param("text")).orElse(null),
                t -> t != null);
        Matcher setUp = RecurringScenario.SET_UP.matcher(reply);
        assertThat(setUp.find()).as("set-up reply: %s", reply).isTrue();
        // Setting the series up checked who is in the channel: 305 people at 200 a page.
        assertThat(slack.calls("users.list")).hasSize(2);
        assertThat(crowdUsersInfo()).isZero();

        // Monday 09:00 UTC, 10:00 in Berlin: the round starts, 21 hours after the set-up, long after the cache's 6 hours.
        at("2026-11-30T09:00:00Z");
        Document checkIn = await().atMost(WAIT).until(() -> db.getCollection("checkins")
                .find(Filters.eq("checkIn.objective", objective)).first(), d -> d != null);
        String round = checkIn.getString("_id");
        assertThat(driver.checkIn(round).getList("participants", String.class)).containsExactlyInAnyOrderElementsOf(CROWD);
        assertThat(slack.calls("users.list")).hasSize(4);
        assertThat(invited(round)).containsOnlyKeys(crowdIn("Europe/Berlin"));
        assertThat(db.getCollection("jobs").find(Filters.and(Filters.eq("kind", "checkin.invite"),
                Filters.eq("data.checkInId", round))).into(new java.util.ArrayList<>())).hasSize(200).allSatisfy(j -> {
                    String userId = j.get("data", Document.class).getString("userId");
                    assertThat(j.getDate("dueAt").toInstant().toString()).as(userId)
                            .isEqualTo(zone(CROWD.indexOf(userId)).equals("Europe/London")
                                    ? "2026-11-30T10:00:00Z" : "2026-11-30T13:00:00Z");
                });

        at("2026-11-30T09:59:00Z");
        assertThat(invited(round)).containsOnlyKeys(crowdIn("Europe/Berlin"));
        at("2026-11-30T10:00:00Z");
        assertThat(invited(round)).hasSize(200).doesNotContainKeys(crowdIn("America/Sao_Paulo").toArray(String[]::new));
        // Berlin's and London's first reminders (two hours after their invitations) come before 13:00.
        at("2026-11-30T13:00:00Z");
        assertThat(invited(round)).containsOnlyKeys(CROWD).allSatisfy((u, n) -> assertThat(n).as(u).isEqualTo(1));
        assertThat(CROWD).allSatisfy(u -> assertThat(driver.response(round, u).getString("dmTs")).as(u).isNotNull());

        // Names and zones come from the listing: still no users.info for anyone in the crowd.
        assertThat(people.find(FakeSlack.TEAM_ID, "U3P123")).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("Person 123");
            assertThat(p.timeZone()).isEqualTo(zone(123));
        });
        assertThat(crowdUsersInfo()).isZero();
        assertThat(slack.calls("users.list")).hasSize(4);
    }

    private static String zone(int i) {
        return ZONES.get(i % ZONES.size());
    }

    private static List<String> crowdIn(String zone) {
        return IntStream.range(0, CROWD.size()).filter(i -> zone(i).equals(zone)).mapToObj(CROWD::get).toList();
    }

    private static long crowdUsersInfo() {
        return slack.calls("users.info").stream().filter(c -> CROWD.contains(c.param("user"))).count();
    }

    /** Invitations to the round per person: top-level DMs to their user id that name it. */
    private static Map<String, Long> invited(String round) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> c.param("channel") != null && c.param("channel").startsWith("U3P")
                        && c.param("thread_ts") == null && CheckInDriver.said(c).contains(round))
                .collect(Collectors.groupingBy(c -> c.param("channel"), Collectors.counting()));
    }

    /** Moves the clock and waits until no job is due and unclaimed and none is running. */
    private void at(String instant) {
        clock.set(Instant.parse(instant));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> db.getCollection("jobs").countDocuments(
                Filters.or(Filters.and(Filters.eq("status", "PENDING"), Filters.lte("dueAt", Date.from(clock.instant()))),
                        Filters.eq("status", "CLAIMED"))) == 0);
    }
}
