package org.alliance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.support.ChildProcesses;
import org.alliance.support.FakeSlack;
import org.alliance.support.SlackRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the one logging setting given as an operator gives it (an environment variable), the bot
 * logs one ECS JSON object per line, and a line written for a signed request carries the request's
 * team id and the check-in's id. The bot runs in a JVM of its own: logging is set up once per
 * process, and the other tests read plain-text logs.
 */
class StructuredLogsTest {

    private static final String SECRET = "structured-logs-test-secret";
    private static final Pattern STARTED = Pattern.compile("Check-in `([A-Z0-9]{6})` started");

    private final FakeSlack slack = FakeSlack.start();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Process bot;

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() throws InterruptedException {
        ChildProcesses.stop(bot);
        slack.close();
    }

    @Test
    void eachLineIsEcsJsonAndARequestsLinesCarryItsTeamAndCheckIn() throws IOException {
        int port = ChildProcesses.freePort();
        start(port);
        await().atMost(Duration.ofSeconds(120)).until(() -> lines.stream().anyMatch(l -> l.contains("Alliance started")));

        HttpResponse<String> ack = new SlackRequests("http://127.0.0.1:" + port + "/slack/events", SECRET,
                Clock.systemUTC()).responseUrl(slack.responseUrl())
                .slashCommand(FakeSlack.TEAM_ID, "U0LEADER", "C0TEAM", "start trust <@U0ALICE|alice> <@U0BOB|bob>");
        assertThat(ack.statusCode()).isEqualTo(200);
        String reply = await().atMost(Duration.ofSeconds(30)).until(
                () -> slack.lastCall("respond").map(c -> c.param("text")).orElse(""), t -> STARTED.matcher(t).find());
        Matcher m = STARTED.matcher(reply);
        assertThat(m.find()).isTrue();
        String checkInId = m.group(1);

        // Written by work that ran after the ack, on another thread than the request's.
        JsonObject started = await().atMost(Duration.ofSeconds(30)).until(
                () -> json().filter(o -> o.get("message").getAsString().contains("Check-in " + checkInId + " started"))
                        .findFirst(), Optional::isPresent).get();
        assertThat(field(started, "team", "id")).isEqualTo(FakeSlack.TEAM_ID);
        assertThat(field(started, "checkin", "id")).isEqualTo(checkInId);
        assertThat(field(started, "service", "name")).isEqualTo("alliance");
        assertThat(field(started, "log", "level")).isEqualTo("INFO");

        assertThat(lines).as("no plain-text log line").noneMatch(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT.*"));
        assertThat(json().count()).as("the start-up lines are JSON too").isGreaterThan(5);
    }

    private void start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                AllianceApplication.class.getName(),
                "--server.port=" + port,
                "--alliance.embedded-mongo.port=0",
                "--alliance.embedded-mongo.data-dir=" + dataDir,
                "--alliance.mongodb.uri=",
                "--alliance.slack.api-url=" + slack.apiUrl(),
                "--alliance.slack.bot-token=xoxb-structured-logs",
                "--alliance.slack.signing-secret=" + SECRET,
                "--alliance.slack.app-token=")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("MONGODB_")
                || k.startsWith("LOGGING_") || k.startsWith("ALLIANCE_"));
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        bot = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("reader stopped: " + e.getMessage());
            }
        }, "structured-logs-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private java.util.stream.Stream<JsonObject> json() {
        return lines.stream().filter(l -> l.startsWith("{")).map(l -> JsonParser.parseString(l).getAsJsonObject())
                .filter(o -> o.has("message"));
    }

    /** ECS nests dotted context keys ({@code team: {id: ...}}); read either form. */
    private static String field(JsonObject line, String outer, String inner) {
        JsonElement nested = line.get(outer);
        if (nested != null && nested.isJsonObject() && nested.getAsJsonObject().has(inner)) {
            return nested.getAsJsonObject().get(inner).getAsString();
        }
        JsonElement flat = line.get(outer + "." + inner);
        return flat == null ? null : flat.getAsString();
    }
}
