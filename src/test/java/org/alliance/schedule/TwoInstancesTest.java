package org.alliance.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.alliance.AllianceApplication;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.SlackRequests;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two whole applications on one database, both polling for due work every 50 ms: each job is
 * claimed by exactly one of them, and work claimed by an instance that died is taken over once
 * its lease runs out.
 */
class TwoInstancesTest {

    private static final String SECRET = "two-instances-secret";
    private static final FakeSlack slack = FakeSlack.start();

    private static MongoServer mongo;
    private static Path dataDir;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static MongoDatabase db;

    @BeforeAll
    static void startBoth() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        dataDir = Files.createTempDirectory("alliance-two-instances");
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        try {
            first = start(uri, "a");
            second = start(uri, "b");
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        }
        db = first.getBean(MongoDatabase.class);
    }

    @AfterAll
    static void stopAll() {
        try {
            if (second != null) {
                second.close();
            }
        } finally {
            try {
                if (first != null) {
                    first.close();
                }
            } finally {
                mongo.shutdownNow();
                slack.close();
                if (dataDir != null) {
                    FileSystemUtils.deleteRecursively(dataDir.toFile());
                }
            }
        }
    }

    @BeforeEach
    void resetSlack() {
        slack.reset();
    }

    @Test
    void everyReminderIsSentExactlyOnceAcrossBothInstances() {
        List<String> people = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("U0PAIR%02d", i)).toList();
        people.forEach(u -> slack.addUser(u, "Person " + u.substring(6), "Europe/Paris"));

        // Started through the first instance; either may claim the reminders.
        CheckInDriver driver = driver(first);
        String id = driver.start("trust " + mentions(people) + " <#C0TEAM|team>", people.size());
        Map<String, String> threads = new TreeMap<>();
        for (String u : people) {
            Document r = driver.response(id, u);
            assertThat(r.getString("dmChannelId")).isEqualTo("D" + u);
            threads.put(u, r.getString("dmTs"));
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(reminderJobs(id))
                .hasSize(people.size())
                .allSatisfy(j -> assertThat(j.getString("status")).isEqualTo("DONE")));
        // Both keep polling: nothing may be sent a second time.
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> threads.entrySet().stream().allMatch(t -> remindersIn(t.getKey(), t.getValue()) == 1));

        for (Map.Entry<String, String> t : threads.entrySet()) {
            assertThat(remindersIn(t.getKey(), t.getValue())).as("reminders to %s", t.getKey()).isEqualTo(1);
        }
        List<Document> jobs = reminderJobs(id);
        assertThat(jobs).allSatisfy(j -> {
            assertThat(j.getInteger("attempts")).as("attempts of %s", j.getString("_id")).isEqualTo(1);
            assertThat(j.getString("claimedBy")).as("claimant of %s", j.getString("_id")).isNotBlank();
            assertThat(j.getString("note")).as("note of %s", j.getString("_id")).isNull();
        });
        Map<String, Long> byInstance = jobs.stream()
                .collect(Collectors.groupingBy(j -> j.getString("claimedBy"), Collectors.counting()));
        assertThat(byInstance.keySet()).as("instances that claimed reminders").hasSizeBetween(1, 2);
        // Which instance wins each claim is timing; both usually do. Shown, not required.
        System.out.println("TwoInstancesTest: reminders claimed per instance: " + byInstance.values());
    }

    @Test
    void workClaimedByAnInstanceThatDiedIsTakenOverOnceItsLeaseRunsOut() {
        CheckInDriver driver = driver(second);
        String id = driver.start("trust <@U0ALICE> <#C0TEAM|team>", 1);
        String dmTs = driver.response(id, "U0ALICE").getString("dmTs");
        // The regular reminder first, so the one below is the only thing left to do.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reminderJobs(id)).singleElement()
                .satisfies(j -> assertThat(j.getString("status")).isEqualTo("DONE")));
        assertThat(remindersIn("U0ALICE", dmTs)).isEqualTo(1);

        // An instance claimed a second reminder and died before finishing it; its lease ran out a minute ago.
        String key = "checkin.remind:" + id + ":U0ALICE:2";
        Instant now = Instant.now();
        db.getCollection("jobs").insertOne(new Document("_id", key)
                .append("teamId", CheckInDriver.TEAM)
                .append("kind", "checkin.remind")
                .append("dueAt", Date.from(now.minusSeconds(180)))
                .append("data", new Document("checkInId", id).append("userId", "U0ALICE").append("n", "2"))
                .append("status", "CLAIMED")
                .append("claimedBy", "dead-instance")
                .append("leaseUntil", Date.from(now.minusSeconds(60)))
                .append("attempts", 1)
                .append("createdAt", Date.from(now.minusSeconds(300))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document job = db.getCollection("jobs").find(Filters.eq("_id", key)).first();
            assertThat(job).isNotNull();
            assertThat(job.getString("status")).isEqualTo("DONE");
        });
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> remindersIn("U0ALICE", dmTs) == 2);

        Document job = db.getCollection("jobs").find(Filters.eq("_id", key)).first();
        assertThat(job.getString("claimedBy")).isNotEqualTo("dead-instance").isNotBlank();
        assertThat(job.getInteger("attempts")).as("the dead claim and the takeover").isEqualTo(2);
        assertThat(job.getString("note")).isNull();
        assertThat(remindersIn("U0ALICE", dmTs)).as("the regular reminder and the taken-over one").isEqualTo(2);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static ConfigurableApplicationContext start(String mongoUri, String name) {
        // Each setting once: a repeated --name=value would be joined with a comma, not overridden.
        return new SpringApplicationBuilder(AllianceApplication.class).run(
                "--server.port=0",
                "--spring.quartz.scheduler-name=two-instances-" + name + "-" + UUID.randomUUID(),
                "--alliance.embedded-mongo.port=0",
                "--alliance.embedded-mongo.data-dir=" + dataDir,
                "--alliance.mongodb.uri=" + mongoUri,
                "--alliance.mongodb.database=alliance",
                "--alliance.slack.api-url=" + slack.apiUrl(),
                "--alliance.slack.bot-token=xoxb-two-instances",
                "--alliance.slack.signing-secret=" + SECRET,
                "--alliance.slack.app-token=",
                "--alliance.slack.rate.messages-per-minute=6000",
                "--alliance.slack.rate.per-conversation=PT0.01S",
                "--alliance.slack.rate.max-rate-limit-wait=PT3S",
                "--alliance.reminders.first-after=PT1S",
                "--alliance.reminders.every=PT1S",
                "--alliance.reminders.max=1",
                "--alliance.scheduler.poll-interval=PT0.05S",
                "--alliance.scheduler.resync-every=PT0.5S",
                "--alliance.working-hours.enabled=false");
    }

    private static CheckInDriver driver(ConfigurableApplicationContext app) {
        String port = app.getEnvironment().getProperty("local.server.port");
        SlackRequests requests = new SlackRequests("http://127.0.0.1:" + port + "/slack/events", SECRET,
                Clock.systemUTC());
        return new CheckInDriver(slack, requests, app.getBean(MongoDatabase.class));
    }

    private static List<Document> reminderJobs(String checkInId) {
        return db.getCollection("jobs").find(Filters.and(Filters.eq("kind", "checkin.remind"),
                Filters.eq("data.checkInId", checkInId))).into(new ArrayList<>());
    }

    /** Successful posts into the person's invitation thread: only reminders are posted there here. */
    private static long remindersIn(String userId, String dmTs) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> ("D" + userId).equals(c.param("channel")) && dmTs.equals(c.param("thread_ts")))
                .count();
    }

    private static String mentions(List<String> userIds) {
        return String.join(" ", userIds.stream().map(u -> "<@" + u + ">").toList());
    }
}
