package org.alliance.install;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.mongodb.client.MongoDatabase;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.FakeSlack;
import org.alliance.support.MutableClock;
import org.alliance.support.SlackRequests;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application in distribution mode, shared by the tests that install it: workspaces
 * install it with OAuth against the fake Slack's oauth.v2.access, with a clock the test moves and
 * a scheduler that polls every 100 ms. Every test uses workspace ids of its own ({@link #team()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {org.alliance.AllianceApplication.class, DistributionApp.ClockConfig.class})
abstract class DistributionApp {

    static final FakeSlack slack = FakeSlack.start();
    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final AtomicInteger ids = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase db;

    SlackRequests requests;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("alliance-distribution-test");
        registry.add("alliance.slack.api-url", slack::apiUrl);
        registry.add("alliance.slack.bot-token", () -> "");
        registry.add("alliance.slack.signing-secret", () -> AllianceIntegrationTest.SIGNING_SECRET);
        registry.add("alliance.slack.app-token", () -> "");
        registry.add("alliance.slack.oauth.client-id", () -> "111.222");
        registry.add("alliance.slack.oauth.client-secret", () -> "client-secret");
        registry.add("alliance.slack.oauth.state-secret", () -> "state-secret");
        registry.add("alliance.encryption.key", () -> TokenCipherTest.KEY);
        registry.add("alliance.mongodb.uri", () -> "");
        registry.add("alliance.embedded-mongo.port", () -> 0);
        registry.add("alliance.embedded-mongo.data-dir", dataDir::toString);
        registry.add("alliance.slack.rate.messages-per-minute", () -> "60000");
        registry.add("alliance.slack.rate.per-conversation", () -> "PT0.01S");
        registry.add("alliance.scheduler.poll-interval", () -> "PT0.1S");
        // Tests write jobs straight into the database too: reread them soon, as another instance's would be.
        registry.add("alliance.scheduler.resync-every", () -> "PT0.2S");
        registry.add("alliance.reminders.first-after", () -> "PT2H");
        registry.add("alliance.reminders.every", () -> "PT3H");
        registry.add("alliance.reminders.max", () -> "2");
    }

    @BeforeEach
    void resetSlackAndJobs() {
        // Work left over from an earlier test must not fire into this one when the clock moves.
        db.getCollection("jobs").deleteMany(new Document());
        slack.reset();
        requests = new SlackRequests("http://127.0.0.1:" + port + "/slack/events",
                AllianceIntegrationTest.SIGNING_SECRET, Clock.systemUTC()).responseUrl(slack.responseUrl());
    }

    // ---- installing ---------------------------------------------------------------------------

    record Started(String state, String cookie) {
    }

    static String team() {
        return "T9" + ids.incrementAndGet();
    }

    static String token(String teamOrEnterprise) {
        return "xoxb-" + teamOrEnterprise + "-secret";
    }

    /** Opens the install page, as a browser does: its one-time state and the cookie that goes with it. */
    Started start() throws Exception {
        HttpResponse<String> page = get("/slack/install", null);
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        return new Started(state(link(page.body())), setCookie.substring(0, setCookie.indexOf(';')));
    }

    /** The whole install: the page, Slack's consent (the fake hands out {@code token}) and the redirect. */
    HttpResponse<String> install(String teamId, String name, String token) throws Exception {
        Started started = start();
        String code = "code-" + teamId + "-" + ids.incrementAndGet();
        slack.installable(code, teamId, name, token);
        return redirect("code=" + code + "&state=" + started.state(), started.cookie());
    }

    HttpResponse<String> redirect(String query, String cookie) throws Exception {
        return get("/slack/oauth_redirect?" + query, cookie);
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String link(String html) {
        Matcher m = Pattern.compile("href=\"(https://slack\\.com/[^\"]+)\"").matcher(html);
        assertThat(m.find()).as("an Add to Slack link in %s", html).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    static String state(String link) {
        Matcher m = Pattern.compile("[?&]state=([^&]+)").matcher(link);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    // ---- requests from a workspace ------------------------------------------------------------

    /** Posts an Events API callback from workspace {@code teamId}. */
    void event(String teamId, String eventJson) {
        String envelope = requests.eventEnvelope(eventJson).replace(FakeSlack.TEAM_ID, teamId);
        assertThat(requests.rawJson(envelope).statusCode()).isEqualTo(200);
    }

    void openHome(String teamId, String userId) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", userId);
        event.addProperty("channel", "D" + userId);
        event.addProperty("tab", "home");
        event.addProperty("event_ts", Instant.now().getEpochSecond() + ".000100");
        event(teamId, event.toString());
    }
}
