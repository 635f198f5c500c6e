package org.alliance.slack;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.FakeSlack;
import org.alliance.support.SlackRequests;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests nobody should send: unsigned, stale, oversized, and signed but malformed in every way
 * the app's own routes could trip over. Each gets a sane status and at most a short log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTest extends AllianceIntegrationTest {

    private static final String USER = "U0HOSTILE";

    @Autowired
    List<ActionRoute> actions;
    @Autowired
    List<SubmissionRoute> submissions;
    @Autowired
    List<Subcommand> subcommands;
    @Autowired
    org.alliance.workspace.Workspaces workspaces;

    @Test
    void unsignedStaleFutureAndForgedRequestsGet401WithOneShortLine(CapturedOutput output) {
        String body = "{\"type\":\"event_callback\", broken";
        long now = Instant.now().getEpochSecond();
        assertThat(requests.postUnsigned(body, SlackRequests.JSON).statusCode()).isEqualTo(401);
        assertThat(requests.post(body, SlackRequests.JSON, now - 360, null).statusCode()).isEqualTo(401);
        assertThat(requests.post(body, SlackRequests.JSON, now + 360, null).statusCode()).isEqualTo(401);
        assertThat(requests.post(body, SlackRequests.JSON, now, "v0=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(requests.post(body, SlackRequests.JSON, now, "not-a-signature").statusCode()).isEqualTo(401);
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("broken");
        assertThat(output.getAll().lines().filter(l -> l.contains("Refused a request")).count()).isEqualTo(5);
    }

    @Test
    void oversizedBodiesGet413AndAreNeverLogged(CapturedOutput output) {
        String marker = "HUGEBODY";
        String huge = "payload=" + marker.repeat(1024 * 1024 / marker.length() + 10);
        assertThat(requests.postUnsigned(huge, SlackRequests.FORM).statusCode()).isEqualTo(413);
        assertThat(requests.post(huge, SlackRequests.FORM).statusCode()).isEqualTo(413);
        // Just under the limit but unsigned: refused on the signature, still never echoed.
        String big = "payload=" + marker.repeat(100_000);
        assertThat(requests.postUnsigned(big, SlackRequests.FORM).statusCode()).isEqualTo(401);
        assertThat(output.getAll()).doesNotContain(marker).doesNotContain("\tat ");
    }

    @Test
    void signedButMalformedPayloadsNeverGet5xxOrAStackTrace(CapturedOutput output) {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("a JSON array", requests.rawJson("[1,2,3]"));
        answers.put("not JSON at all", requests.rawJson("{{{"));
        answers.put("an empty object", requests.rawJson("{}"));
        answers.put("an event envelope without its event", requests.rawJson(without(requests.eventEnvelope(
                requests.imMessage(USER, "D0HOSTILE", "hi", null)), "event")));
        answers.put("an interaction whose payload is an array", requests.post("payload=%5B%5D", SlackRequests.FORM));
        answers.put("an interaction whose payload is not JSON", requests.post("payload=%7B%7B", SlackRequests.FORM));
        answers.put("a form with nothing Slack sends", requests.post("a=b", SlackRequests.FORM));
        for (String event : events()) {
            answers.put("event " + event, requests.event(event));
            answers.put("event without team: " + event, requests.rawJson(without(requests.eventEnvelope(event), "team_id")));
        }
        // The app_uninstalled above uninstalled the workspace for real: install it again for what follows.
        workspaces.connected(FakeSlack.TEAM_ID, FakeSlack.TEAM_NAME, FakeSlack.BOT_USER_ID);
        for (ActionRoute action : actions) {
            String valid = requests.blockAction(USER, action.actionId(), "<!everyone> " + "x".repeat(300), "D0HOSTILE", "1.0");
            for (Map.Entry<String, Consumer<JsonObject>> breakage : actionBreakages().entrySet()) {
                answers.put(action.actionId() + " " + breakage.getKey(), requests.interaction(broken(valid, breakage.getValue())));
            }
        }
        for (SubmissionRoute submission : submissions) {
            String valid = requests.viewSubmission(USER, submission.callbackId(), "<!channel>", "{}");
            for (Map.Entry<String, Consumer<JsonObject>> breakage : submissionBreakages().entrySet()) {
                answers.put(submission.callbackId() + " " + breakage.getKey(),
                        requests.interaction(broken(valid, breakage.getValue())));
            }
        }
        for (Subcommand command : subcommands) {
            answers.put("/alliance " + command.name() + " with 100 KB",
                    requests.slashCommand(FakeSlack.TEAM_ID, USER, "C0HOSTILE", command.name() + " " + "<!everyone>".repeat(9000)));
        }
        answers.put("a command without a user", requests.post("command=%2Falliance&text=list&team_id=T0001", SlackRequests.FORM));

        assertThat(answers).hasSizeGreaterThan(34);
        SoftAssertions softly = new SoftAssertions();
        answers.forEach((what, response) -> softly.assertThat(response.statusCode()).as(what).isIn(200, 400));
        answers.forEach((what, response) -> {
            softly.assertThat(response.body().length()).as("length of the answer to " + what).isLessThan(4_000);
            softly.assertThat(response.body().contains("<!everyone>") || response.body().contains("<!channel>"))
                    .as("a mention echoed in the answer to " + what).isFalse();
        });
        for (FakeSlack.Call call : slack.calls()) {
            String params = call.params().toString();
            softly.assertThat(params.length()).as("length of " + call.method()).isLessThan(40_000);
            softly.assertThat(params.contains("<!everyone>") || params.contains("<!channel>"))
                    .as("a mention echoed through " + call.method()).isFalse();
        }
        softly.assertAll();
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    private List<String> events() {
        List<String> events = new ArrayList<>();
        events.add("{\"type\":\"message\",\"channel_type\":\"im\",\"ts\":\"1.1\"}");
        events.add("{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"" + USER + "\",\"thread_ts\":\"1.0\"}");
        events.add("{\"type\":\"app_mention\",\"user\":\"" + USER + "\"}");
        events.add("{\"type\":\"app_home_opened\",\"tab\":\"home\"}");
        events.add("{\"type\":\"user_change\"}");
        events.add("{\"type\":\"user_change\",\"user\":{}}");
        events.add("{\"type\":\"app_uninstalled\"}");
        events.add("{\"type\":\"tokens_revoked\",\"tokens\":{}}");
        events.add("{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel_type\":\"im\"}");
        return events;
    }

    private static Map<String, Consumer<JsonObject>> actionBreakages() {
        Map<String, Consumer<JsonObject>> b = new LinkedHashMap<>();
        b.put("as it comes (a hostile value)", p -> { });
        b.put("without team", p -> p.remove("team"));
        b.put("without user", p -> p.remove("user"));
        b.put("with a string for user", p -> p.addProperty("user", USER));
        b.put("without actions", p -> p.remove("actions"));
        b.put("with no value", p -> p.getAsJsonArray("actions").get(0).getAsJsonObject().remove("value"));
        b.put("without channel, container or message", p -> {
            p.remove("channel");
            p.remove("container");
            p.remove("message");
        });
        return b;
    }

    private static Map<String, Consumer<JsonObject>> submissionBreakages() {
        Map<String, Consumer<JsonObject>> b = new LinkedHashMap<>();
        b.put("without state", p -> p.getAsJsonObject("view").remove("state"));
        b.put("with empty values", p -> { });
        b.put("with odd values", p -> p.getAsJsonObject("view").getAsJsonObject("state")
                .add("values", JsonParser.parseString("{\"x\":{\"y\":{\"type\":\"plain_text_input\"}}}")));
        b.put("without private_metadata", p -> p.getAsJsonObject("view").remove("private_metadata"));
        b.put("without team", p -> p.remove("team"));
        b.put("without user", p -> p.remove("user"));
        return b;
    }

    private static String broken(String json, Consumer<JsonObject> breakage) {
        JsonObject payload = JsonParser.parseString(json).getAsJsonObject();
        breakage.accept(payload);
        return payload.toString();
    }

    private static String without(String json, String field) {
        JsonElement element = JsonParser.parseString(json);
        element.getAsJsonObject().remove(field);
        return element.toString();
    }

}
