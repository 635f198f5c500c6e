package org.alliance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with a clock the test moves, a scheduler that polls every 100 ms and
 * its own fake Slack and database, so time-driven work (reminders, deadlines, rounds) can be
 * watched happening. Time starts on a Monday at 10:00 UTC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ScheduledAppTest.ClockConfig.class)
public abstract class ScheduledAppTest {

    public static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    protected static final FakeSlack slack = FakeSlack.start();
    protected static final MutableClock clock = new MutableClock(START);
    private static final Path dataDir = tempDir();

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoDatabase db;

    protected SlackRequests requests;
    protected CheckInDriver driver;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("alliance.slack.api-url", slack::apiUrl);
        registry.add("alliance.slack.bot-token", () -> AllianceIntegrationTest.BOT_TOKEN);
        registry.add("alliance.slack.signing-secret", () -> AllianceIntegrationTest.SIGNING_SECRET);
        registry.add("alliance.slack.app-token", () -> "");
        registry.add("alliance.mongodb.uri", () -> "");
        registry.add("alliance.embedded-mongo.port", () -> 0);
        registry.add("alliance.embedded-mongo.data-dir", dataDir::toString);
        registry.add("alliance.slack.rate.max-rate-limit-wait", () -> "PT20S");
        registry.add("alliance.slack.rate.messages-per-minute", () -> "60000");
        registry.add("alliance.slack.rate.per-conversation", () -> "PT0.01S");
        registry.add("alliance.scheduler.poll-interval", () -> "PT0.1S");
        // Tests write jobs straight into the database too: reread them soon, as another instance's would be.
        registry.add("alliance.scheduler.resync-every", () -> "PT0.2S");
        registry.add("alliance.reminders.first-after", () -> "PT2H");
        registry.add("alliance.reminders.every", () -> "PT3H");
        registry.add("alliance.reminders.max", () -> "2");
        // Long enough that no other test reaches it; its daily job runs only when a test schedules it (jobs are wiped).
        registry.add("alliance.retention.answers", () -> "P400D");
    }

    @BeforeEach
    void resetSlackAndClock() {
        // Work left over from earlier tests must not fire into this one when the clock moves.
        db.getCollection("jobs").deleteMany(new org.bson.Document());
        // A snooze from an earlier test would keep people out of this one's check-ins once the clock is reset.
        db.getCollection("snoozes").deleteMany(new org.bson.Document());
        slack.reset();
        clock.set(START);
        requests = new SlackRequests("http://127.0.0.1:" + port + "/slack/events",
                AllianceIntegrationTest.SIGNING_SECRET, Clock.systemUTC());
        driver = new CheckInDriver(slack, requests, db);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("alliance-scheduled-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
