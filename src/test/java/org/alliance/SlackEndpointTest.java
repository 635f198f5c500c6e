package org.alliance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.SlackRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class SlackEndpointTest extends AllianceIntegrationTest {

    @Autowired
    StartupReport startupReport;

    @Test
    void helpIsAnsweredEphemerallyWithTheCommands() {
        long started = System.nanoTime();
        HttpResponse<String> response = requests.slashCommand("T0001", "U0ALICE", "C0GENERAL", "help");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(body.get("text").getAsString()).contains("/alliance help");
        assertThat(millis).as("acknowledged well within Slack's 3 seconds").isLessThan(3000);
    }

    @Test
    void anUnknownSubcommandGetsTheHelpNamingTheWord() {
        HttpResponse<String> response = requests.slashCommand("T0001", "U0ALICE", "C0GENERAL", "frobnicate now");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(body.get("text").getAsString()).contains("`frobnicate`").contains("/alliance help");
    }

    @Test
    void aWrongSignatureIsRejectedAndNothingIsProcessed() {
        String body = "command=%2Falliance&text=help&user_id=U0ALICE&team_id=T0001&channel_id=C1";
        HttpResponse<String> response = requests.post(body, SlackRequests.FORM,
                Instant.now().getEpochSecond(), "v0=0000000000000000000000000000000000000000000000000000000000000000");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("ephemeral");
    }

    @Test
    void aMissingSignatureIsRejected() {
        HttpResponse<String> response = requests.postUnsigned("command=%2Falliance&text=help", SlackRequests.FORM);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aSixMinuteOldTimestampIsRejectedEvenWhenSignedCorrectly() {
        String body = "command=%2Falliance&text=help&user_id=U0ALICE&team_id=T0001&channel_id=C1";
        HttpResponse<String> response = requests.post(body, SlackRequests.FORM,
                Instant.now().minusSeconds(6 * 60).getEpochSecond(), null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void urlVerificationEchoesTheChallenge() {
        HttpResponse<String> response = requests.rawJson(
                "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void sslCheckIsAnswered() {
        HttpResponse<String> response = requests.post("ssl_check=1&token=t", SlackRequests.FORM);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void healthReportsDatabaseSchedulerAndSlack() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonObject components = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("components");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(components.getAsJsonObject("mongo").get("status").getAsString()).isEqualTo("UP");
        assertThat(components.getAsJsonObject("scheduler").get("status").getAsString()).isEqualTo("UP");
        JsonObject slackHealth = components.getAsJsonObject("slack");
        assertThat(slackHealth.get("status").getAsString()).isEqualTo("UP");
        assertThat(slackHealth.getAsJsonObject("details").get("workspace").getAsString()).isEqualTo("Test Team");
    }

    @Test
    void theStartupLineNamesModeDatabaseAndWorkspace() {
        assertThat(startupReport.line())
                .contains("HTTP mode")
                .contains("embedded MongoDB-compatible server")
                .contains("mongodb://127.0.0.1:")
                .contains("Test Team (T0001)");
    }
}
