package org.alliance.slack;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.AllianceApplication;
import org.alliance.support.FakeSlack;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bot in Socket Mode against a local stand-in for Slack's WebSocket endpoint: the same Bolt
 * handlers must answer a slash command that arrives over the socket instead of over HTTP.
 */
class SocketModeTest {

    private static final String APP_TOKEN = "xapp-1-test";
    private static final String BOT_TOKEN = "xoxb-socket-mode-test";

    private FakeSlack slack;
    private SlackSocket socket;

    @TempDir
    Path dataDir;

    @BeforeEach
    void startSlack() throws Exception {
        slack = FakeSlack.start();
        socket = SlackSocket.open();
        slack.answer("apps.connections.open",
                p -> "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link\"}");
    }

    @AfterEach
    void stopSlack() throws InterruptedException {
        socket.stop(1000);
        slack.close();
    }

    @Test
    void aSlashCommandOverTheSocketIsAcknowledgedWithTheHelp() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(slack.calls("auth.test")).anySatisfy(call -> assertThat(call.token()).isEqualTo(BOT_TOKEN));
            assertThat(slack.calls("apps.connections.open")).isNotEmpty()
                    .allSatisfy(call -> assertThat(call.token()).isEqualTo(APP_TOKEN));

            await().atMost(Duration.ofSeconds(15)).until(() -> socket.ack("e1").isPresent());
            JsonObject ack = socket.ack("e1").orElseThrow();
            JsonObject payload = ack.getAsJsonObject("payload");
            assertThat(payload.get("response_type").getAsString()).isEqualTo("ephemeral");
            assertThat(payload.get("text").getAsString()).contains("/alliance help");
            assertThat(socket.resources).contains("/link");

            JsonObject slackHealth = health(app).getAsJsonObject("slack");
            assertThat(slackHealth.get("status").getAsString()).isEqualTo("UP");
            JsonObject details = slackHealth.getAsJsonObject("details");
            assertThat(details.get("mode").getAsString()).isEqualTo("socket");
            assertThat(details.get("state").getAsString()).isEqualTo("connected");
            assertThat(details.get("workspace").getAsString()).isEqualTo(FakeSlack.TEAM_NAME);

            // No signing secret: an HTTP request could not be verified, so it must not reach the handlers.
            HttpResponse<String> events = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl(app) + SlackConfig.EVENTS_PATH))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("command=%2Falliance&text=help")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(events.statusCode()).isEqualTo(503);
            assertThat(events.body()).contains("SLACK_SIGNING_SECRET").doesNotContain("ephemeral");
        }
        // Closing the application must hang up, or Slack would keep sending to a bot that is gone.
        await().atMost(Duration.ofSeconds(20)).until(() -> socket.closed.get() >= 1);
        assertThat(socket.errors).isEmpty();
    }

    private ConfigurableApplicationContext start() {
        // Every Slack setting is given, even when empty, so variables in the developer's shell cannot leak in.
        return new SpringApplicationBuilder(AllianceApplication.class).run(
                "--server.port=0",
                "--alliance.embedded-mongo.port=0",
                "--alliance.embedded-mongo.data-dir=" + dataDir,
                "--alliance.mongodb.uri=",
                "--alliance.slack.api-url=" + slack.apiUrl(),
                "--alliance.slack.bot-token=" + BOT_TOKEN,
                "--alliance.slack.signing-secret=",
                "--alliance.slack.app-token=" + APP_TOKEN);
    }

    private static String baseUrl(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + app.getBean(Environment.class).getProperty("local.server.port");
    }

    private static JsonObject health(ConfigurableApplicationContext app) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl(app) + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("components");
    }

    /** Plays Slack's Socket Mode server: greets each connection and delivers one slash command. */
    private static final class SlackSocket extends WebSocketServer {

        final List<String> received = new CopyOnWriteArrayList<>();
        final List<String> resources = new CopyOnWriteArrayList<>();
        final AtomicInteger closed = new AtomicInteger();
        final List<Exception> errors = new CopyOnWriteArrayList<>();
        private final CountDownLatch started = new CountDownLatch(1);

        private SlackSocket() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        static SlackSocket open() throws InterruptedException {
            SlackSocket server = new SlackSocket();
            server.start();
            // The port is only known once the server thread has bound it.
            assertThat(server.started.await(10, TimeUnit.SECONDS)).as("WebSocket server started").isTrue();
            return server;
        }

        Optional<JsonObject> ack(String envelopeId) {
            return received.stream()
                    .map(SlackSocket::parse)
                    .flatMap(Optional::stream)
                    .filter(o -> o.has("envelope_id") && envelopeId.equals(o.get("envelope_id").getAsString()))
                    .findFirst();
        }

        private static Optional<JsonObject> parse(String message) {
            try {
                JsonElement json = JsonParser.parseString(message);
                return json.isJsonObject() ? Optional.of(json.getAsJsonObject()) : Optional.empty();
            } catch (RuntimeException notJson) {
                return Optional.empty();
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            resources.add(handshake.getResourceDescriptor());
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"test\"},"
                    + "\"connection_info\":{\"app_id\":\"A0001\"}}");
            conn.send(slashCommandEnvelope("e1", "help"));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            closed.incrementAndGet();
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            errors.add(ex);
        }

        private static String slashCommandEnvelope(String envelopeId, String text) {
            JsonObject payload = new JsonObject();
            payload.addProperty("token", "test-verification-token");
            payload.addProperty("team_id", FakeSlack.TEAM_ID);
            payload.addProperty("team_domain", "test-team");
            payload.addProperty("channel_id", "C0GENERAL");
            payload.addProperty("channel_name", "general");
            payload.addProperty("user_id", "U0ALICE");
            payload.addProperty("user_name", "alice");
            payload.addProperty("command", "/alliance");
            payload.addProperty("text", text);
            payload.addProperty("api_app_id", "A0001");
            payload.addProperty("is_enterprise_install", "false");
            payload.addProperty("response_url", "http://127.0.0.1:1/response");
            payload.addProperty("trigger_id", "trig-socket-1");
            JsonObject envelope = new JsonObject();
            envelope.addProperty("envelope_id", envelopeId);
            envelope.addProperty("type", "slash_commands");
            envelope.addProperty("accepts_response_payload", true);
            envelope.add("payload", payload);
            return envelope.toString();
        }
    }
}
