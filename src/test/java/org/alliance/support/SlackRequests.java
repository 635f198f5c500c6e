package org.alliance.support;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Plays Slack's side of the HTTP conversation against a running app: signed slash commands,
 * Events API callbacks and interactivity payloads, plus builders for the payload JSON.
 */
public final class SlackRequests {

    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String JSON = "application/json";

    private static final Gson GSON = new Gson();

    private final URI baseUrl;
    private final SlackSigner signer;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    // Shared by every instance: event ids, trigger ids and message ts stay unique across the tests of one app.
    private static final AtomicLong counter = new AtomicLong();
    private volatile String responseUrl = "http://127.0.0.1:1/response";

    public SlackRequests(String baseUrl, String signingSecret, Clock clock) {
        this.baseUrl = URI.create(baseUrl);
        this.signer = new SlackSigner(signingSecret);
        this.clock = clock;
    }

    /** The response_url put into slash commands and interaction payloads, e.g. a fake's endpoint. */
    public SlackRequests responseUrl(String responseUrl) {
        this.responseUrl = responseUrl;
        return this;
    }

    // ---- raw sending ------------------------------------------------------------------------

    public HttpResponse<String> post(String body, String contentType) {
        return post(body, contentType, clock.instant().getEpochSecond(), null);
    }

    public HttpResponse<String> post(String body, String contentType, long timestampSeconds,
                                     String signatureOverrideOrNull) {
        String signature = signatureOverrideOrNull != null ? signatureOverrideOrNull : signer.sign(timestampSeconds, body);
        return send(request(body, contentType)
                .header(SlackSigner.TIMESTAMP_HEADER, String.valueOf(timestampSeconds))
                .header(SlackSigner.SIGNATURE_HEADER, signature));
    }

    /** Signed with the current time, plus extra headers such as X-Slack-Retry-Num for redelivery tests. */
    public HttpResponse<String> post(String body, String contentType, Map<String, String> extraHeaders) {
        long ts = clock.instant().getEpochSecond();
        HttpRequest.Builder builder = request(body, contentType)
                .header(SlackSigner.TIMESTAMP_HEADER, String.valueOf(ts))
                .header(SlackSigner.SIGNATURE_HEADER, signer.sign(ts, body));
        extraHeaders.forEach(builder::header);
        return send(builder);
    }

    public HttpResponse<String> postUnsigned(String body, String contentType) {
        return send(request(body, contentType));
    }

    // ---- Slack-shaped requests --------------------------------------------------------------

    public HttpResponse<String> slashCommand(String teamId, String userId, String channelId, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "test-verification-token");
        form.put("team_id", teamId);
        form.put("team_domain", "test-team");
        form.put("channel_id", channelId);
        form.put("channel_name", channelId.startsWith("D") ? "directmessage" : "general");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase(Locale.ROOT));
        form.put("command", "/alliance");
        form.put("text", text);
        form.put("api_app_id", "A0001");
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", nextTriggerId());
        return post(formEncode(form), FORM);
    }

    /** Wraps an inner event (e.g. from {@link #imMessage}) in the event_callback envelope and posts it. */
    public HttpResponse<String> event(String eventJson) {
        return rawJson(eventEnvelope(eventJson));
    }

    public HttpResponse<String> rawJson(String json) {
        return post(json, JSON);
    }

    /** Posts an interactivity payload (block_actions, view_submission, ...) as Slack does: form field {@code payload}. */
    public HttpResponse<String> interaction(String payloadJson) {
        return post("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8), FORM);
    }

    // ---- payload builders -------------------------------------------------------------------

    public String eventEnvelope(String eventJson) {
        long n = counter.incrementAndGet();
        JsonObject envelope = new JsonObject();
        envelope.addProperty("token", "test-verification-token");
        envelope.addProperty("team_id", FakeSlack.TEAM_ID);
        envelope.addProperty("api_app_id", "A0001");
        envelope.add("event", JsonParser.parseString(eventJson));
        envelope.addProperty("type", "event_callback");
        envelope.addProperty("event_id", String.format("Ev%08d", n));
        envelope.addProperty("event_time", clock.instant().getEpochSecond());
        JsonObject authorization = new JsonObject();
        authorization.add("enterprise_id", null);
        authorization.addProperty("team_id", FakeSlack.TEAM_ID);
        authorization.addProperty("user_id", FakeSlack.BOT_USER_ID);
        authorization.addProperty("is_bot", true);
        authorization.addProperty("is_enterprise_install", false);
        JsonArray authorizations = new JsonArray();
        authorizations.add(authorization);
        envelope.add("authorizations", authorizations);
        envelope.addProperty("is_ext_shared_channel", false);
        return GSON.toJson(envelope);
    }

    /** The inner {@code message} event of a direct message to the bot; thread_ts is left out when null. */
    public String imMessage(String userId, String channelId, String text, String threadTsOrNull) {
        String ts = nextTs();
        JsonObject event = new JsonObject();
        event.addProperty("type", "message");
        event.addProperty("channel", channelId);
        event.addProperty("user", userId);
        event.addProperty("text", text);
        event.addProperty("ts", ts);
        event.addProperty("event_ts", ts);
        event.addProperty("channel_type", "im");
        if (threadTsOrNull != null) {
            event.addProperty("thread_ts", threadTsOrNull);
        }
        return GSON.toJson(event);
    }

    /** The inner {@code app_mention} event of a channel message naming the bot; thread_ts is left out when null. */
    public String appMention(String userId, String channelId, String text, String threadTsOrNull) {
        String ts = nextTs();
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_mention");
        event.addProperty("channel", channelId);
        event.addProperty("user", userId);
        event.addProperty("text", "<@" + FakeSlack.BOT_USER_ID + "> " + text);
        event.addProperty("ts", ts);
        event.addProperty("event_ts", ts);
        event.addProperty("channel_type", "channel");
        if (threadTsOrNull != null) {
            event.addProperty("thread_ts", threadTsOrNull);
        }
        return GSON.toJson(event);
    }

    /** A block action from inside a modal, as Slack sends it: a view container, no channel or message. */
    public String blockActionInModal(String userId, String actionId, String value, String viewId, String callbackId) {
        JsonObject payload = JsonParser.parseString(blockAction(userId, actionId, value, "D" + userId, "1.0"))
                .getAsJsonObject();
        payload.remove("channel");
        payload.remove("message");
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", viewId);
        payload.add("container", container);
        JsonObject view = new JsonObject();
        view.addProperty("id", viewId);
        view.addProperty("team_id", FakeSlack.TEAM_ID);
        view.addProperty("type", "modal");
        view.addProperty("callback_id", callbackId);
        view.addProperty("hash", "h-" + viewId);
        view.addProperty("private_metadata", "");
        payload.add("view", view);
        return payload.toString();
    }

    public String blockAction(String userId, String actionId, String value, String channelId, String messageTs) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "block_actions");
        payload.add("user", user(userId));
        payload.addProperty("api_app_id", "A0001");
        payload.addProperty("token", "test-verification-token");
        payload.add("team", team());
        payload.addProperty("trigger_id", nextTriggerId());
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", messageTs);
        container.addProperty("channel_id", channelId);
        container.addProperty("is_ephemeral", false);
        payload.add("container", container);
        JsonObject channel = new JsonObject();
        channel.addProperty("id", channelId);
        payload.add("channel", channel);
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("ts", messageTs);
        message.addProperty("text", "");
        payload.add("message", message);
        payload.addProperty("response_url", responseUrl);
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "b");
        action.addProperty("value", value);
        action.addProperty("type", "button");
        action.addProperty("action_ts", nextTs());
        JsonArray actions = new JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        return GSON.toJson(payload);
    }

    /** {@code stateValuesJson} is the {@code view.state.values} object, e.g. {"b":{"a":{"type":"plain_text_input","value":"x"}}}. */
    public String viewSubmission(String userId, String callbackId, String privateMetadata, String stateValuesJson) {
        long n = counter.incrementAndGet();
        JsonObject payload = new JsonObject();
        payload.addProperty("type", "view_submission");
        payload.add("team", team());
        payload.add("user", user(userId));
        payload.addProperty("api_app_id", "A0001");
        payload.addProperty("token", "test-verification-token");
        payload.addProperty("trigger_id", nextTriggerId());
        JsonObject view = new JsonObject();
        view.addProperty("id", String.format("VS%07d", n));
        view.addProperty("team_id", FakeSlack.TEAM_ID);
        view.addProperty("type", "modal");
        view.addProperty("callback_id", callbackId);
        view.addProperty("private_metadata", privateMetadata == null ? "" : privateMetadata);
        JsonObject state = new JsonObject();
        JsonElement values = stateValuesJson == null ? new JsonObject() : JsonParser.parseString(stateValuesJson);
        state.add("values", values);
        view.add("state", state);
        view.addProperty("hash", "h-submit-" + n);
        view.addProperty("app_id", "A0001");
        view.addProperty("bot_id", FakeSlack.BOT_ID);
        payload.add("view", view);
        payload.add("response_urls", new JsonArray());
        return GSON.toJson(payload);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private HttpRequest.Builder request(String body, String contentType) {
        return HttpRequest.newBuilder(baseUrl)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the app", e);
        }
    }

    private String nextTriggerId() {
        return "trig-" + counter.incrementAndGet();
    }

    /** Message-style ts near the clock's now, unique per instance. */
    private String nextTs() {
        return String.format("%d.%06d", clock.instant().getEpochSecond(), counter.incrementAndGet() % 1_000_000);
    }

    private static JsonObject user(String userId) {
        JsonObject user = new JsonObject();
        user.addProperty("id", userId);
        user.addProperty("username", userId.toLowerCase(Locale.ROOT));
        user.addProperty("team_id", FakeSlack.TEAM_ID);
        return user;
    }

    private static JsonObject team() {
        JsonObject team = new JsonObject();
        team.addProperty("id", FakeSlack.TEAM_ID);
        team.addProperty("domain", "test-team");
        return team;
    }

    private static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
