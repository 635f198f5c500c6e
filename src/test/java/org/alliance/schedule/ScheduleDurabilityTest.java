package org.alliance.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.alliance.AllianceApplication;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.SlackRequests;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders are stored work, not timers in memory: scheduled by one run of the application,
 * they are sent by the next one, once each, after a stop that spanned their due time. What no
 * longer makes sense by then (a check-in stopped while the bot was down) is skipped.
 */
class ScheduleDurabilityTest {

    private static final String SECRET = "durability-test-secret";
    private static final Duration FIRST_REMINDER = Duration.ofSeconds(5);
    private static final FakeSlack slack = FakeSlack.start();

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    /** The DM thread of one person's invitation to one check-in. */
    private record DmThread(String checkInId, String userId, String channel, String ts) {
    }

    @Test
    void remindersDueWhileTheAppWasDownAreSentOnceAfterItComesBackAndAStoppedCheckInsAreSkipped(
            @TempDir Path dataDir) {
        List<String> kept = List.of("U0ALICE", "U0BOB", "U0CAROL", "U0DAN");
        List<String> stoppedPeople = List.of("U0BOB", "U0CAROL");
        List<DmThread> keptThreads = new ArrayList<>();
        List<DmThread> stoppedThreads = new ArrayList<>();
        String keptId;
        String stoppedId;
        Instant lastDue;

        ConfigurableApplicationContext first = start(dataDir);
        try {
            CheckInDriver driver = driver(first);
            keptId = driver.start("trust " + mentions(kept) + " <#C0TEAM|team>", kept.size());
            stoppedId = driver.start("trust " + mentions(stoppedPeople) + " <#C0TEAM|team>", stoppedPeople.size());
            kept.forEach(u -> keptThreads.add(thread(driver, keptId, u)));
            stoppedPeople.forEach(u -> stoppedThreads.add(thread(driver, stoppedId, u)));

            List<Document> planned = reminderJobs(first.getBean(MongoDatabase.class));
            assertThat(planned).as("one reminder per person and check-in").hasSize(kept.size() + stoppedPeople.size())
                    .allSatisfy(j -> assertThat(j.getString("status")).isEqualTo("PENDING"));
            lastDue = planned.stream().map(j -> j.getDate("dueAt").toInstant()).max(Instant::compareTo).orElseThrow();
        } finally {
            first.close();
        }
        // Stopped before anything was due: whatever is sent from here on is the second run's doing.
        assertThat(reminderCount(keptThreads) + reminderCount(stoppedThreads))
                .as("reminders sent before the stop (the first run took longer than %s to start and stop?)",
                        FIRST_REMINDER).isZero();

        // While the bot is down, the leader's second check-in ends (another instance, an operator).
        withDatabaseFile(dataDir, db -> assertThat(db.getCollection("checkins").updateOne(
                Filters.and(Filters.eq("_id", stoppedId), Filters.eq("checkIn.status", "OPEN")),
                Updates.combine(Updates.set("checkIn.status", "STOPPED"),
                        Updates.set("checkIn.closedAt", new Date()))).getModifiedCount()).isEqualTo(1));

        // Come back only when every reminder is overdue.
        await().atMost(FIRST_REMINDER.plusSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(lastDue.plusMillis(300)));

        ConfigurableApplicationContext second = start(dataDir);
        try {
            MongoDatabase db = second.getBean(MongoDatabase.class);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(reminderJobs(db))
                    .allSatisfy(j -> assertThat(j.getString("status")).isEqualTo("DONE")));
            // A few more polls must not send anything again.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> reminderCount(keptThreads) == kept.size());

            for (DmThread t : keptThreads) {
                List<FakeSlack.Call> reminders = remindersIn(t);
                assertThat(reminders).as("reminders to %s", t.userId()).hasSize(1);
                assertThat(reminders.get(0).param("text")).contains("gentle reminder");
            }
            assertThat(reminderCount(stoppedThreads)).as("reminders about the stopped check-in").isZero();
            for (Document job : reminderJobs(db)) {
                String checkInId = job.get("data", Document.class).getString("checkInId");
                if (checkInId.equals(stoppedId)) {
                    assertThat(job.getString("note")).as("note of %s", job.getString("_id"))
                            .startsWith("skipped").contains("ended");
                } else {
                    assertThat(job.getString("note")).as("note of %s", job.getString("_id")).isNull();
                }
                assertThat(job.getInteger("attempts")).as("attempts of %s", job.getString("_id")).isEqualTo(1);
            }
            assertStillPending(db, keptId, kept);
        } finally {
            second.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Each setting once: a repeated --name=value would be joined with a comma, not overridden.
        return new SpringApplicationBuilder(AllianceApplication.class).run(
                "--server.port=0",
                "--spring.quartz.scheduler-name=durability-" + UUID.randomUUID(),
                "--alliance.embedded-mongo.port=0",
                "--alliance.embedded-mongo.data-dir=" + dataDir,
                "--alliance.mongodb.uri=",
                "--alliance.mongodb.database=alliance",
                "--alliance.slack.api-url=" + slack.apiUrl(),
                "--alliance.slack.bot-token=xoxb-durability-test",
                "--alliance.slack.signing-secret=" + SECRET,
                "--alliance.slack.app-token=",
                "--alliance.slack.rate.messages-per-minute=6000",
                "--alliance.slack.rate.per-conversation=PT0.01S",
                "--alliance.slack.rate.max-rate-limit-wait=PT3S",
                "--alliance.reminders.first-after=" + FIRST_REMINDER,
                "--alliance.reminders.every=" + FIRST_REMINDER,
                "--alliance.reminders.max=1",
                "--alliance.scheduler.poll-interval=PT0.2S",
                "--alliance.working-hours.enabled=false");
    }

    private static CheckInDriver driver(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        SlackRequests requests = new SlackRequests("http://127.0.0.1:" + port + "/slack/events", SECRET,
                Clock.systemUTC());
        return new CheckInDriver(slack, requests, app.getBean(MongoDatabase.class));
    }

    /** Opens the embedded database file as the application does, while the application is down. */
    private static void withDatabaseFile(Path dataDir, java.util.function.Consumer<MongoDatabase> work) {
        MongoServer server = new MongoServer(new H2Backend(dataDir.resolve("alliance.mv.db").toString()));
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                work.accept(client.getDatabase("alliance"));
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static List<Document> reminderJobs(MongoDatabase db) {
        return db.getCollection("jobs").find(Filters.eq("kind", "checkin.remind")).into(new ArrayList<>());
    }

    /** Reminders change nothing stored about the answer: everyone is still waiting to answer. */
    private static void assertStillPending(MongoDatabase db, String checkInId, List<String> people) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (String u : people) {
            Document doc = db.getCollection("responses").find(Filters.eq("_id", checkInId + ":" + u)).first();
            statuses.put(u, doc == null ? null : doc.get("response", Document.class).getString("status"));
        }
        assertThat(statuses).as("responses of %s", checkInId).allSatisfy((u, s) -> assertThat(s).isEqualTo("PENDING"));
    }

    private static DmThread thread(CheckInDriver driver, String checkInId, String userId) {
        Document r = driver.response(checkInId, userId);
        assertThat(r.getString("dmTs")).as("invitation of %s to %s", userId, checkInId).isNotNull();
        return new DmThread(checkInId, userId, r.getString("dmChannelId"), r.getString("dmTs"));
    }

    /** Successful posts into the invitation's DM thread: the only thing posted there here is a reminder. */
    private static List<FakeSlack.Call> remindersIn(DmThread t) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> t.channel().equals(c.param("channel")) && t.ts().equals(c.param("thread_ts")))
                .toList();
    }

    private static int reminderCount(List<DmThread> threads) {
        return threads.stream().mapToInt(t -> remindersIn(t).size()).sum();
    }

    private static String mentions(List<String> userIds) {
        return String.join(" ", userIds.stream().map(u -> "<@" + u + ">").toList());
    }
}
