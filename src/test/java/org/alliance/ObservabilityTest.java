package org.alliance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a platform team scrapes and probes: Prometheus metrics of acks, Web API calls, jobs and
 * check-ins, with no user id or text in any label; and liveness/readiness groups.
 */
class ObservabilityTest extends AllianceIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void prometheusCountsAcksWebApiCallsJobsAndCheckInsWithoutUserData() throws Exception {
        slack.addUser("U0OBSLEAD", "Obs Lead", "Europe/London").addUser("U0OBSMEM", "Obs Member", "Europe/Paris");
        slack.addChannelMembers("C0OBS", "U0OBSLEAD", "U0OBSMEM");
        assertThat(requests.slashCommand(FakeSlack.TEAM_ID, "U0OBSLEAD", "C0OBS",
                "start trust <@U0OBSMEM> objective:\"secret-objective-text\"").statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await().until(() -> !slack.calls("chat.postMessage").isEmpty());

        String metrics = get("/actuator/prometheus").body();

        assertThat(count(metrics, "alliance_slack_acks_seconds_count", "kind=\"command\"")).isPositive();
        assertThat(metrics).contains("alliance_slack_acks_seconds_bucket");
        assertThat(count(metrics, "alliance_slack_api_calls_total", "method=\"chat.postMessage\"")).isPositive();
        assertThat(metrics).contains("alliance_slack_messages_queued").contains("alliance_slack_work_waiting")
                .contains("alliance_jobs_due")
                .contains("alliance_checkins_started_total");
        List<String> labels = Pattern.compile("\\{([^}]*)}").matcher(metrics).results().map(m -> m.group(1)).toList();
        assertThat(labels).isNotEmpty().noneMatch(l -> l.contains("U0OBS") || l.contains("secret-objective")
                || l.contains("C0OBS") || l.contains("Obs "));
    }

    @Test
    void livenessAndReadinessAreSeparateGroups() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(status(liveness)).isEqualTo("UP");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonObject components = JsonParser.parseString(readiness.body()).getAsJsonObject().getAsJsonObject("components");
        assertThat(components.keySet()).contains("mongo", "readinessState").doesNotContain("slack");
    }

    private static double count(String metrics, String name, String label) {
        Matcher m = Pattern.compile("^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} ([0-9.E+]+)$",
                Pattern.MULTILINE).matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static String status(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject().get("status").getAsString();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
