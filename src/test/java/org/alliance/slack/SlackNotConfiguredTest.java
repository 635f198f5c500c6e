package org.alliance.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.AllianceApplication;
import org.alliance.support.FakeSlack;
import org.alliance.support.SlackRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bot with missing or wrong Slack credentials must still start, keep its database and health
 * endpoint up, and say exactly which setting to fix, instead of crashing or failing every request.
 */
class SlackNotConfiguredTest {

    private static final String SECRET = "not-configured-test-secret";
    private static final FakeSlack slack = FakeSlack.start();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @BeforeEach
    void resetSlack() {
        slack.reset();
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @Test
    void withoutTokenOrSecretTheAppStartsAndSaysWhatIsMissing() {
        try (ConfigurableApplicationContext app = start("", "", "")) {
            HttpResponse<String> events = signedHelp(app, SECRET);
            assertThat(events.statusCode()).isEqualTo(503);
            JsonObject body = JsonParser.parseString(events.body()).getAsJsonObject();
            assertThat(body.get("error").getAsString()).isEqualTo("slack_not_ready");
            assertThat(body.get("detail").getAsString()).contains("SLACK_BOT_TOKEN").contains("SLACK_SIGNING_SECRET");
            assertThat(events.body()).doesNotContain("ephemeral");

            JsonObject components = health(app);
            assertThat(components.getAsJsonObject("mongo").get("status").getAsString()).isEqualTo("UP");
            JsonObject slackHealth = components.getAsJsonObject("slack");
            assertThat(slackHealth.get("status").getAsString()).isEqualTo("DOWN");
            JsonObject details = slackHealth.getAsJsonObject("details");
            assertThat(details.get("state").getAsString()).isEqualTo("unconfigured");
            assertThat(details.get("mode").getAsString()).isEqualTo("http");
            assertThat(details.get("detail").getAsString()).contains("SLACK_BOT_TOKEN is not set");
            assertThat(details.has("workspace")).isFalse();
        }
        // Without a token there is nothing to check, so Slack must not even have been asked.
        assertThat(slack.calls("auth.test")).isEmpty();
    }

    @Test
    void aUserTokenIsRejectedWithTheExpectedPrefix() {
        try (ConfigurableApplicationContext app = start("xoxp-1234-5678-secretpart", SECRET, "")) {
            JsonObject details = health(app).getAsJsonObject("slack").getAsJsonObject("details");
            assertThat(details.get("state").getAsString()).isEqualTo("unconfigured");
            assertThat(details.get("detail").getAsString())
                    .contains("must be a bot token starting with xoxb-")
                    .contains("'xoxp-'")
                    .doesNotContain("secretpart");

            HttpResponse<String> events = signedHelp(app, SECRET);
            assertThat(events.statusCode()).isEqualTo(503);
            assertThat(events.body()).contains("xoxb-");
        }
        assertThat(slack.calls("auth.test")).isEmpty();
    }

    @Test
    void aTokenSlackRejectsLeavesTheBotUpButNotReady() {
        // Slack refuses a revoked token on every call, not just once: the SDK makes its own auth.test
        // calls (team id lookup for its metrics) that would otherwise use up a one-shot failure.
        slack.failWhen("auth.test", p -> true, "invalid_auth");
        try (ConfigurableApplicationContext app = start("xoxb-revoked-token", SECRET, "")) {
            assertThat(slack.calls("auth.test")).isNotEmpty()
                    .allSatisfy(call -> assertThat(call.token()).isEqualTo("xoxb-revoked-token"));

            JsonObject components = health(app);
            assertThat(components.getAsJsonObject("mongo").get("status").getAsString()).isEqualTo("UP");
            JsonObject slackHealth = components.getAsJsonObject("slack");
            assertThat(slackHealth.get("status").getAsString()).isEqualTo("DOWN");
            JsonObject details = slackHealth.getAsJsonObject("details");
            assertThat(details.get("state").getAsString()).isEqualTo("token_rejected");
            assertThat(details.get("detail").getAsString()).contains("invalid_auth").contains("SLACK_BOT_TOKEN");

            // A correctly signed request still gets 503: Bolt must not be reached with a token Slack refused.
            HttpResponse<String> events = signedHelp(app, SECRET);
            assertThat(events.statusCode()).isEqualTo(503);
            assertThat(events.body()).contains("invalid_auth");
        }
        assertThat(slack.calls()).as("nothing but token checks was sent with a refused token")
                .allSatisfy(call -> assertThat(call.method()).isEqualTo("auth.test"));
    }

    @Test
    void aSocketModeAppTokenOfTheWrongKindIsNamed() {
        try (ConfigurableApplicationContext app = start("xoxb-socket-test", "", "xoxb-pasted-into-the-wrong-field")) {
            JsonObject details = health(app).getAsJsonObject("slack").getAsJsonObject("details");
            assertThat(details.get("state").getAsString()).isEqualTo("unconfigured");
            assertThat(details.get("mode").getAsString()).isEqualTo("socket");
            assertThat(details.get("detail").getAsString())
                    .contains("SLACK_APP_TOKEN must be an app-level token starting with xapp-")
                    .doesNotContain("SLACK_SIGNING_SECRET")
                    .doesNotContain("pasted-into");
        }
        assertThat(slack.calls("apps.connections.open")).isEmpty();
    }

    /** The rules themselves, without a running application. */
    @Nested
    class Settings {

        private static final String API = "http://127.0.0.1:1/api/";

        @Test
        void aCompleteHttpSetupHasNoProblems() {
            SlackSettings settings = new SlackSettings(" xoxb-1-2 ", " secret ", "", API);

            assertThat(settings.problems()).isEmpty();
            assertThat(settings.socketMode()).isFalse();
            assertThat(settings.httpEnabled()).isTrue();
            assertThat(settings.botToken()).isEqualTo("xoxb-1-2");
        }

        @Test
        void aCompleteSocketModeSetupNeedsNoSigningSecret() {
            SlackSettings settings = new SlackSettings("xoxb-1-2", null, "xapp-1-A1-3", API);

            assertThat(settings.problems()).isEmpty();
            assertThat(settings.socketMode()).isTrue();
            assertThat(settings.httpEnabled()).isFalse();
        }

        @Test
        void nothingSetNamesBothSettingsAndWhereToFindThem() {
            List<String> problems = new SlackSettings(null, null, null, null).problems();

            assertThat(problems).hasSize(2);
            assertThat(problems.get(0)).startsWith("SLACK_BOT_TOKEN is not set").contains("OAuth & Permissions");
            assertThat(problems.get(1)).startsWith("SLACK_SIGNING_SECRET is not set").contains("Basic Information")
                    .contains("SLACK_APP_TOKEN");
        }

        @Test
        void blankCountsAsMissing() {
            assertThat(new SlackSettings("   ", "\t", "  ", API).problems())
                    .anySatisfy(p -> assertThat(p).startsWith("SLACK_BOT_TOKEN is not set"))
                    .anySatisfy(p -> assertThat(p).startsWith("SLACK_SIGNING_SECRET is not set"));
        }

        @Test
        void wrongTokenKindsShowOnlyTheirPrefix() {
            List<String> problems = new SlackSettings("xoxp-111-222-topsecret", "s", "xoxb-333-alsosecret", API).problems();

            assertThat(problems).containsExactly(
                    "SLACK_BOT_TOKEN must be a bot token starting with xoxb-, but it starts with 'xoxp-'",
                    "SLACK_APP_TOKEN must be an app-level token starting with xapp-, but it starts with 'xoxb-'");
            assertThat(String.join(" ", problems)).doesNotContain("topsecret").doesNotContain("alsosecret");
        }

        @Test
        void aTokenWithoutAKnownPrefixShowsOnlyItsFirstCharacters() {
            List<String> problems = new SlackSettings("abcdefghijklmnop", "s", "", API).problems();

            assertThat(problems).singleElement().asString().contains("'abc...'").doesNotContain("defghij");
        }

        @Test
        void theApiUrlGetsATrailingSlashAndMustBeHttp() {
            assertThat(new SlackSettings("", "", "", "http://127.0.0.1:9/api").apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
            assertThat(new SlackSettings("", "", "", null).apiUrl()).isEqualTo("https://slack.com/api/");
            assertThatThrownBy(() -> new SlackSettings("", "", "", "slack.com/api"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SLACK_API_URL");
        }

        @Test
        void toStringNeverShowsSecrets() {
            assertThat(new SlackSettings("xoxb-tok", "sig-secret", "xapp-tok", API).toString())
                    .doesNotContain("xoxb-tok").doesNotContain("sig-secret").doesNotContain("xapp-tok")
                    .contains("socketMode=true");
        }
    }

    private ConfigurableApplicationContext start(String botToken, String signingSecret, String appToken) {
        // Every Slack setting is given, even when empty, so variables in the developer's shell cannot leak in.
        return new SpringApplicationBuilder(AllianceApplication.class).run(
                "--server.port=0",
                "--alliance.embedded-mongo.port=0",
                "--alliance.embedded-mongo.data-dir=" + dataDir,
                "--alliance.mongodb.uri=",
                "--alliance.slack.api-url=" + slack.apiUrl(),
                "--alliance.slack.bot-token=" + botToken,
                "--alliance.slack.signing-secret=" + signingSecret,
                "--alliance.slack.app-token=" + appToken);
    }

    private static String baseUrl(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getBean(Environment.class).getProperty("local.server.port");
    }

    /** A slash command signed as Slack would sign it, so a 503 cannot be blamed on the signature. */
    private static HttpResponse<String> signedHelp(ConfigurableApplicationContext app, String secret) {
        return new SlackRequests(baseUrl(app) + SlackConfig.EVENTS_PATH, secret, Clock.systemUTC())
                .slashCommand(FakeSlack.TEAM_ID, "U0ALICE", "C0GENERAL", "help");
    }

    private static JsonObject health(ConfigurableApplicationContext app) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl(app) + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Slack being down makes the whole instance DOWN, which actuator reports as 503.
            assertThat(response.statusCode()).isEqualTo(503);
            JsonObject health = JsonParser.parseString(response.body()).getAsJsonObject();
            assertThat(health.get("status").getAsString()).isEqualTo("DOWN");
            return health.getAsJsonObject("components");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
