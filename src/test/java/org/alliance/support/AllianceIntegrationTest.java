package org.alliance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real port, with the embedded database on a free loopback port and
 * Slack's Web API pointed at one shared {@link FakeSlack}. Subclasses share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AllianceIntegrationTest {

    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    public static final String BOT_TOKEN = "xoxb-test-token";

    protected static final FakeSlack slack = FakeSlack.start();
    private static final Path dataDir = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected Clock clock;

    protected SlackRequests requests;

    @DynamicPropertySource
    static void slackAndDatabase(DynamicPropertyRegistry registry) {
        registry.add("alliance.slack.api-url", slack::apiUrl);
        registry.add("alliance.slack.bot-token", () -> BOT_TOKEN);
        registry.add("alliance.slack.signing-secret", () -> SIGNING_SECRET);
        registry.add("alliance.slack.app-token", () -> "");
        registry.add("alliance.mongodb.uri", () -> "");
        registry.add("alliance.embedded-mongo.port", () -> 0);
        registry.add("alliance.embedded-mongo.data-dir", dataDir::toString);
        registry.add("alliance.slack.rate.max-rate-limit-wait", () -> "PT3S");
        registry.add("alliance.slack.rate.messages-per-minute", () -> "6000");
        registry.add("alliance.slack.rate.per-conversation", () -> "PT0.05S");
        // Tests write jobs straight into the database too: reread them soon, as another instance's would be.
        registry.add("alliance.scheduler.resync-every", () -> "PT0.2S");
        // Only health is exposed by default; ObservabilityTest reads the metrics (here, not in its own context).
        registry.add("management.endpoints.web.exposure.include", () -> "health,info,prometheus");
    }

    @BeforeEach
    void resetSlack() {
        slack.reset();
        requests = new SlackRequests(eventsUrl(), SIGNING_SECRET, Clock.systemUTC());
    }

    protected String eventsUrl() {
        return "http://127.0.0.1:" + port + "/slack/events";
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("alliance-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
