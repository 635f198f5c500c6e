package org.alliance.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.MutableClock;
import org.alliance.support.ScheduledAppTest;
import org.alliance.support.SlackRequests;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application against a MongoDB-compatible server this test owns, which it stops for
 * 30 seconds while people keep using the bot, then starts again on the same port with the data it
 * had. Nobody waits more than Slack's 3 seconds, everyone is told to try again, health says the
 * database is down at once, the refused DM-thread answer is stored once when Slack delivers it
 * again, and the reminder due during the outage goes out once after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DatabaseOutageTest.ClockConfig.class)
class DatabaseOutageTest {

    static final String ANNA = "U0OUTANNA";
    static final String BEN = "U0OUTBEN";
    static final String LEADER = CheckInDriver.LEADER;
    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final String CANT_SAVE = "save anything right now: my database is unreachable";

    /** The data outlives the server: stopping it must not clear the databases (as close() would). */
    static final MemoryBackend backend = new MemoryBackend() {
        @Override
        public void close() {
        }
    };
    static final int mongoPort = freePort();
    static MongoServer mongo = startMongo();
    static final FakeSlack slack = FakeSlack.start();
    static final MutableClock clock = new MutableClock(ScheduledAppTest.START);
    final HttpClient http = HttpClient.newHttpClient();

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

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("alliance.slack.api-url", slack::apiUrl);
        registry.add("alliance.slack.bot-token", () -> AllianceIntegrationTest.BOT_TOKEN);
        registry.add("alliance.slack.signing-secret", () -> AllianceIntegrationTest.SIGNING_SECRET);
        registry.add("alliance.slack.app-token", () -> "");
        registry.add("alliance.mongodb.uri", () -> "mongodb://127.0.0.1:" + mongoPort);
        registry.add("alliance.mongodb.database", () -> "outage");
        registry.add("alliance.slack.rate.messages-per-minute", () -> "60000");
        registry.add("alliance.slack.rate.per-conversation", () -> "PT0.01S");
        registry.add("alliance.scheduler.poll-interval", () -> "PT0.1S");
        registry.add("alliance.reminders.first-after", () -> "PT2H");
        registry.add("alliance.reminders.every", () -> "PT3H");
        registry.add("alliance.reminders.max", () -> "2");
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
        slack.close();
    }

    @Test
    void anOutageOfThirtySecondsLosesNothingAndLeavesNoOneGuessing() throws Exception {
        slack.addUser(ANNA, "Anna", "Europe/London").addUser(BEN, "Ben", "Europe/London");
        SlackRequests requests = new SlackRequests("http://127.0.0.1:" + port + "/slack/events",
                AllianceIntegrationTest.SIGNING_SECRET, Clock.systemUTC());
        CheckInDriver driver = new CheckInDriver(slack, requests, db);
        String id = driver.start("trust <@" + ANNA + "> <@" + BEN + ">", 2);
        Document bens = driver.response(id, BEN);
        String dmChannel = bens.getString("dmChannelId");
        String dmTs = bens.getString("dmTs");
        String answerEvent = requests.eventEnvelope(requests.imMessage(BEN, dmChannel, "Ben's answer", dmTs));
        String answerTs = com.google.gson.JsonParser.parseString(answerEvent).getAsJsonObject()
                .getAsJsonObject("event").get("ts").getAsString();
        // The first call warms the endpoints up; only answers during the outage are timed.
        assertThat(health("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(health("/actuator/health").statusCode()).isIn(200, 503);

        long outageStarted = System.nanoTime();
        mongo.shutdownNow();
        // The reminders (due two hours after the invitations) fall due while the database is away.
        clock.advance(Duration.ofHours(2).plusMinutes(1));

        // Health: readiness DOWN with the database, liveness UP, every answer within a second.
        await().atMost(Duration.ofSeconds(10)).until(() -> health("/actuator/health/readiness").statusCode() == 503);
        assertThat(timedHealth("/actuator/health/readiness").statusCode()).isEqualTo(503);
        assertThat(timedHealth("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> overall = timedHealth("/actuator/health");
        assertThat(com.google.gson.JsonParser.parseString(overall.body()).getAsJsonObject().getAsJsonObject("components")
                .getAsJsonObject("mongo").get("status").getAsString()).isEqualTo("DOWN");

        // A command that reads: the person is told to try again, within Slack's 3 seconds.
        HttpResponse<String> list = acked(() -> driver.command(ANNA, "C0TEAM", "list"));
        assertThat(list.body()).contains(CANT_SAVE);

        // An Answer click: acknowledged, then told next to the button.
        int respondsBefore = slack.calls("respond").size();
        acked(() -> driver.click(ANNA, "checkin_answer", id));
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.calls("respond").size() > respondsBefore);
        assertThat(slack.lastCall("respond").orElseThrow().param("text")).contains(CANT_SAVE);

        // A submitted form stays open, with the same words on top.
        HttpResponse<String> submitted = acked(() -> driver.submitAnswers(ANNA, id, Map.of("q1", "Anna's answer")));
        assertThat(submitted.body()).contains("\"response_action\":\"push\"").contains(CANT_SAVE);

        // A DM-thread answer can't be stored: the event is refused so Slack delivers it again.
        HttpResponse<String> refused = timed(() -> requests.rawJson(answerEvent));
        assertThat(refused.statusCode()).isEqualTo(503);

        // A start after the ack: the leader hears why nothing happened.
        HttpResponse<String> start = acked(() -> driver.command(LEADER, "C0TEAM", "start trust <@" + ANNA + ">"));
        assertThat(start.body()).contains("Starting your check-in");
        await().atMost(Duration.ofSeconds(15)).until(() -> dmsTo(LEADER).stream()
                .anyMatch(text -> text.contains("I couldn't start your check-in: I can't reach my database")));

        // Nothing scheduled went out while the database was away.
        assertThat(reminders(ANNA)).isEmpty();

        long left = OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - outageStarted).toMillis();
        Thread.sleep(Math.max(0, left));
        mongo = startMongo();
        await().atMost(Duration.ofSeconds(20)).until(() -> health("/actuator/health/readiness").statusCode() == 200);

        // Slack's redelivery (and a second one) is stored once.
        Map<String, String> retry = Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error");
        assertThat(requests.post(answerEvent, SlackRequests.JSON, retry).statusCode()).isEqualTo(200);
        assertThat(requests.post(answerEvent, SlackRequests.JSON, retry).statusCode()).isEqualTo(200);
        assertThat(driver.response(id, BEN).getString("lastReplyTs")).isEqualTo(answerTs);
        assertThat(driver.response(id, BEN).getInteger("threadNext")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> botRepliesInThread(dmChannel, dmTs).size() == 1);

        // The reminder due during the outage goes out now, once.
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(ANNA).size() == 1);
        Thread.sleep(1_000);
        assertThat(reminders(ANNA)).hasSize(1);
        assertThat(reminders(BEN)).hasSizeLessThanOrEqualTo(1);
        assertThat(botRepliesInThread(dmChannel, dmTs)).hasSize(1);
    }

    private HttpResponse<String> acked(Supplier<HttpResponse<String>> request) {
        HttpResponse<String> response = timed(request);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    /** Slack gives up after 3 seconds; nothing may take that long, outage or not. */
    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long started = System.nanoTime();
        HttpResponse<String> response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        return response;
    }

    private HttpResponse<String> health(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Health must answer within a second even with the database away: it never waits for MongoDB. */
    private HttpResponse<String> timedHealth(String path) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = health(path);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("health answers at once").isLessThan(Duration.ofSeconds(1));
        return response;
    }

    private static List<String> dmsTo(String userId) {
        return slack.calls("chat.postMessage").stream().filter(c -> userId.equals(c.param("channel")))
                .map(CheckInDriver::said).toList();
    }

    private static List<FakeSlack.Call> reminders(String userId) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> ("D" + userId).equals(c.param("channel")) || userId.equals(c.param("channel")))
                .filter(c -> CheckInDriver.said(c).contains("gentle reminder")).toList();
    }

    /** What the bot posted in Ben's thread in answer to him (the next question, or thanks), reminders aside. */
    private static List<FakeSlack.Call> botRepliesInThread(String channel, String threadTs) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> channel.equals(c.param("channel")) && threadTs.equals(c.param("thread_ts")))
                .filter(c -> !CheckInDriver.said(c).contains("gentle reminder")).toList();
    }

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", mongoPort);
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
