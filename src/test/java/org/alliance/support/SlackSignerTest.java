package org.alliance.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SlackSignerTest {

    private static final String SECRET = "test-signing-secret";

    @Test
    void matchesSlacksDocumentedExample() {
        // The worked example from Slack's "Verifying requests from Slack" guide.
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

        assertThat(new SlackSigner("8f742231b10e8888abcd99yyyzzz85a5").sign(1531420618L, body))
                .isEqualTo("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
    }

    @Test
    void agreesWithTheSdkGeneratorAndVerifier() {
        long ts = Instant.now().getEpochSecond();
        String body = "{\"type\":\"event_callback\",\"text\":\"héllo ✓\"}";
        String signature = new SlackSigner(SECRET).sign(ts, body);

        SlackSignature.Generator generator = new SlackSignature.Generator(SECRET);
        assertThat(signature).isEqualTo(generator.generate(String.valueOf(ts), body)).matches("v0=[0-9a-f]{64}");
        assertThat(new SlackSignature.Verifier(generator).isValid(String.valueOf(ts), body, signature)).isTrue();
        assertThat(new SlackSignature.Verifier(new SlackSignature.Generator("other")).isValid(String.valueOf(ts), body, signature))
                .isFalse();
    }

    // ---- SlackRequests against a recording endpoint ------------------------------------------

    private record Received(Map<String, String> headers, String body) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Instant now = Instant.parse("2030-01-02T03:04:05Z");
    private HttpServer app;
    private SlackRequests requests;

    @BeforeEach
    void startRecordingApp() throws Exception {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/slack/events", exchange -> {
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue().get(0), (a, b) -> a));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        requests = new SlackRequests("http://127.0.0.1:" + app.getAddress().getPort() + "/slack/events", SECRET,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @AfterEach
    void stopRecordingApp() {
        app.stop(0);
    }

    private Received next() throws InterruptedException {
        Received r = received.poll(5, TimeUnit.SECONDS);
        assertThat(r).as("request reached the app").isNotNull();
        return r;
    }

    private static boolean verifies(Received r, long nowMillis) {
        return new SlackSignature.Verifier(new SlackSignature.Generator(SECRET)).isValid(
                r.headers().get("x-slack-request-timestamp"), r.body(), r.headers().get("x-slack-signature"), nowMillis);
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }

    @Test
    void slashCommandIsSignedWithTheClockAndShapedLikeSlack() throws Exception {
        HttpResponse<String> response = requests.responseUrl("http://127.0.0.1:9/resp")
                .slashCommand("T0001", "U0ALICE", "C0GENERAL", "join now & then");
        requests.slashCommand("T0001", "U0ALICE", "C0GENERAL", "again");

        assertThat(response.statusCode()).isEqualTo(200);
        Received r = next();
        assertThat(r.headers().get("content-type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.headers().get("x-slack-request-timestamp")).isEqualTo(String.valueOf(now.getEpochSecond()));
        assertThat(verifies(r, now.toEpochMilli())).isTrue();
        Map<String, String> form = form(r.body());
        assertThat(form).containsEntry("team_id", "T0001").containsEntry("user_id", "U0ALICE")
                .containsEntry("channel_id", "C0GENERAL").containsEntry("command", "/alliance")
                .containsEntry("text", "join now & then").containsEntry("api_app_id", "A0001")
                .containsEntry("response_url", "http://127.0.0.1:9/resp")
                .containsKeys("token", "team_domain", "channel_name", "user_name");
        assertThat(form.get("trigger_id")).startsWith("trig-");
        assertThat(form(next().body()).get("trigger_id")).isNotEqualTo(form.get("trigger_id"));
    }

    @Test
    void staleTimestampsWrongSignaturesAndUnsignedPosts() throws Exception {
        long stale = now.getEpochSecond() - 600;
        requests.post("a=b", SlackRequests.FORM, stale, null);
        Received staleReq = next();
        assertThat(staleReq.headers().get("x-slack-request-timestamp")).isEqualTo(String.valueOf(stale));
        assertThat(verifies(staleReq, now.toEpochMilli())).as("SDK rejects a 10-minute-old request").isFalse();
        assertThat(verifies(staleReq, stale * 1000)).as("but the signature itself is right").isTrue();

        requests.post("a=b", SlackRequests.FORM, now.getEpochSecond(), "v0=deadbeef");
        Received forged = next();
        assertThat(forged.headers().get("x-slack-signature")).isEqualTo("v0=deadbeef");
        assertThat(verifies(forged, now.toEpochMilli())).isFalse();

        requests.postUnsigned("a=b", SlackRequests.FORM);
        Received unsigned = next();
        assertThat(unsigned.headers()).doesNotContainKeys("x-slack-signature", "x-slack-request-timestamp");

        requests.post("{}", SlackRequests.JSON, Map.of("X-Slack-Retry-Num", "1"));
        Received retried = next();
        assertThat(retried.headers()).containsEntry("x-slack-retry-num", "1");
        assertThat(verifies(retried, now.toEpochMilli())).isTrue();
    }

    @Test
    void eventIsWrappedInTheCallbackEnvelope() throws Exception {
        requests.event(requests.imMessage("U0BOB", "D0BOB", "hello", "1700000000.000100"));

        Received r = next();
        assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        assertThat(verifies(r, now.toEpochMilli())).isTrue();
        JsonObject envelope = JsonParser.parseString(r.body()).getAsJsonObject();
        assertThat(envelope.get("type").getAsString()).isEqualTo("event_callback");
        assertThat(envelope.get("team_id").getAsString()).isEqualTo("T0001");
        assertThat(envelope.get("api_app_id").getAsString()).isEqualTo("A0001");
        assertThat(envelope.get("event_id").getAsString()).startsWith("Ev");
        assertThat(envelope.get("event_time").getAsLong()).isEqualTo(now.getEpochSecond());
        JsonObject auth = envelope.getAsJsonArray("authorizations").get(0).getAsJsonObject();
        assertThat(auth.get("user_id").getAsString()).isEqualTo("UBOT");
        assertThat(auth.get("is_bot").getAsBoolean()).isTrue();
        JsonObject event = envelope.getAsJsonObject("event");
        assertThat(event.get("type").getAsString()).isEqualTo("message");
        assertThat(event.get("channel_type").getAsString()).isEqualTo("im");
        assertThat(event.get("user").getAsString()).isEqualTo("U0BOB");
        assertThat(event.get("channel").getAsString()).isEqualTo("D0BOB");
        assertThat(event.get("thread_ts").getAsString()).isEqualTo("1700000000.000100");
        assertThat(event.get("ts").getAsString()).isEqualTo(event.get("event_ts").getAsString());

        assertThat(JsonParser.parseString(requests.imMessage("U0BOB", "D0BOB", "x", null)).getAsJsonObject().has("thread_ts"))
                .isFalse();
    }

    @Test
    void interactionsArePostedAsPayloadFormField() throws Exception {
        requests.interaction(requests.blockAction("U0CAROL", "accept", "42", "C0GENERAL", "1700000000.000200"));
        Received action = next();
        assertThat(verifies(action, now.toEpochMilli())).isTrue();
        JsonObject payload = JsonParser.parseString(form(action.body()).get("payload")).getAsJsonObject();
        assertThat(payload.get("type").getAsString()).isEqualTo("block_actions");
        assertThat(payload.getAsJsonObject("user").get("id").getAsString()).isEqualTo("U0CAROL");
        assertThat(payload.getAsJsonObject("container").get("message_ts").getAsString()).isEqualTo("1700000000.000200");
        JsonObject button = payload.getAsJsonArray("actions").get(0).getAsJsonObject();
        assertThat(button.get("action_id").getAsString()).isEqualTo("accept");
        assertThat(button.get("value").getAsString()).isEqualTo("42");

        String values = "{\"b\":{\"a\":{\"type\":\"plain_text_input\",\"value\":\"x\"}}}";
        requests.interaction(requests.viewSubmission("U0DAN", "setup", "{\"k\":1}", values));
        JsonObject submission = JsonParser.parseString(form(next().body()).get("payload")).getAsJsonObject();
        assertThat(submission.get("type").getAsString()).isEqualTo("view_submission");
        JsonObject view = submission.getAsJsonObject("view");
        assertThat(view.get("callback_id").getAsString()).isEqualTo("setup");
        assertThat(view.get("private_metadata").getAsString()).isEqualTo("{\"k\":1}");
        assertThat(view.getAsJsonObject("state").getAsJsonObject("values").getAsJsonObject("b")
                .getAsJsonObject("a").get("value").getAsString()).isEqualTo("x");
    }
}
