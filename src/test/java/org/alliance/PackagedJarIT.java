package org.alliance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.alliance.support.ChildProcesses;
import org.alliance.support.FakeSlack;
import org.alliance.support.SlackRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jar as users run it ({@code java -jar target/alliance.jar}), after {@code package}: it starts
 * from the bean definitions prepared at build time ({@link PreparedStart}), and those definitions make
 * the same bot as a regular start. The other tests start the regular way, in their own JVM.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target/alliance.jar");
    private static final String SECRET = "packaged-jar-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    private FakeSlack slack;
    private Process bot;
    private int port;
    private Path log;

    @BeforeEach
    void fakeSlack() {
        slack = FakeSlack.start();
        slack.addUser("U0P01", "Pat", "Europe/Berlin").addUser("U0P02", "Sam", "America/New_York");
    }

    @AfterEach
    void stop() throws InterruptedException {
        ChildProcesses.stop(bot);
        slack.close();
    }

    @Test
    void startsPreparedAndRunsACheckInFromStartToTheInvitations() throws Exception {
        start(Map.of());

        assertThat(Files.readString(log)).contains("Starting AOT-processed AllianceApplication");
        assertThat(get("/actuator/prometheus").statusCode()).as("not exposed unless asked for").isEqualTo(404);

        SlackRequests requests = new SlackRequests("http://127.0.0.1:" + port + "/slack/events", SECRET,
                Clock.systemUTC()).responseUrl(slack.responseUrl());
        HttpResponse<String> ack = requests.slashCommand(FakeSlack.TEAM_ID, "U0LEAD", "C0TEAM",
                "start development <@U0P01|pat> <@U0P02|sam> <#C0TEAM|team>");

        assertThat(ack.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(slack.calls("chat.postMessage"))
                .extracting(c -> c.param("channel")).contains("C0TEAM", "U0P01", "U0P02"));
    }

    @Test
    void whatIsDecidedAtRunTimeStillIs() throws Exception {
        start(Map.of("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,prometheus"));

        assertThat(Files.readString(log)).contains("Starting AOT-processed AllianceApplication");
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("alliance_jobs_due");
    }

    private void start(Map<String, String> settings) throws Exception {
        assertThat(JAR).as("built by mvn package before the integration tests").exists();
        port = ChildProcesses.freePort();
        log = data.resolve("bot.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(ChildProcesses.java(), "-Xmx256m", "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        ChildProcesses.botEnvironment(builder, slack, SECRET, port, data.resolve("db"));
        builder.environment().putAll(settings);
        bot = builder.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(bot.isAlive()).as("the bot exited; its log:%n%s", Files.readString(log)).isTrue();
            try {
                return get("/actuator/health").statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
