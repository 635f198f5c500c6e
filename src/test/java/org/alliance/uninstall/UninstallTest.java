package org.alliance.uninstall;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackCallFailed;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.MutableClock;
import org.alliance.support.ScheduledAppTest;
import org.alliance.support.SlackRequests;
import org.alliance.workspace.Workspaces;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Uninstall, revoked tokens and rejected tokens, through the whole application: the workspace's
 * waiting work never fires and nothing more is sent to it, another workspace's work goes on, its
 * data is purged from every collection after the retention time unless it is installed again.
 * Its own application, fake Slack, clock and database (it uninstalls and purges the test team),
 * closed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(UninstallTest.Config.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UninstallTest {

    static final String TEAM = FakeSlack.TEAM_ID;
    static final String OTHER = "T0OTHER";
    static final Duration WAIT = Duration.ofSeconds(20);

    static final FakeSlack slack = FakeSlack.start();
    static final MutableClock clock = new MutableClock(ScheduledAppTest.START);

    /** A job that posts one message into its channel: stands for any feature's scheduled send. */
    public record Ping(String channel) {
    }

    static final JobKind<Ping> PING = new JobKind<>("test.ping", Ping.class);

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }

        @Bean
        JobHandler<Ping> pingHandler(SlackApi api) {
            return new JobHandler<>() {
                @Override
                public JobKind<Ping> kind() {
                    return PING;
                }

                @Override
                public Outcome run(Job<Ping> job) {
                    api.callOk(job.teamId(), job.payload().channel(), "chat.postMessage",
                            c -> c.chatPostMessage(r -> r.channel(job.payload().channel()).text("ping")));
                    return Outcome.done();
                }
            };
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        String dataDir = Files.createTempDirectory("alliance-uninstall").toString();
        registry.add("alliance.slack.api-url", slack::apiUrl);
        registry.add("alliance.slack.bot-token", () -> AllianceIntegrationTest.BOT_TOKEN);
        registry.add("alliance.slack.signing-secret", () -> AllianceIntegrationTest.SIGNING_SECRET);
        registry.add("alliance.slack.app-token", () -> "");
        registry.add("alliance.mongodb.uri", () -> "");
        registry.add("alliance.embedded-mongo.port", () -> 0);
        registry.add("alliance.embedded-mongo.data-dir", () -> dataDir);
        registry.add("alliance.slack.rate.messages-per-minute", () -> "60000");
        registry.add("alliance.slack.rate.per-conversation", () -> "PT0.01S");
        registry.add("alliance.scheduler.poll-interval", () -> "PT0.1S");
        registry.add("alliance.scheduler.resync-every", () -> "PT0.2S");
        registry.add("alliance.scheduler.retry-after", () -> "PT1S");
        registry.add("alliance.retention.after-uninstall", () -> "P30D");
    }

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase db;
    @Autowired
    Schedule schedule;
    @Autowired
    Workspaces workspaces;
    @Autowired
    SlackApi api;

    SlackRequests requests;
    CheckInDriver driver;

    @BeforeEach
    void installed() {
        db.getCollection("jobs").deleteMany(new Document());
        slack.reset();
        clock.set(ScheduledAppTest.START);
        workspaces.connected(TEAM, FakeSlack.TEAM_NAME, FakeSlack.BOT_USER_ID);
        requests = new SlackRequests("http://127.0.0.1:" + port + "/slack/events",
                AllianceIntegrationTest.SIGNING_SECRET, Clock.systemUTC());
        driver = new CheckInDriver(slack, requests, db);
    }

    @Test
    void anUninstalledWorkspacesWorkNeverFiresWhileAnotherWorkspacesDoes() {
        String checkIn = driver.start("trust <@U0ALICE> <@U0BOB>", 2);
        assertThat(pending(TEAM)).as("the check-in's reminders and deadline").isNotEmpty();
        ping(TEAM, "C0MINE", Duration.ofHours(1));
        ping(OTHER, "C0OTHER", Duration.ofHours(1));
        int before = slack.calls().size();

        uninstall();

        await().atMost(WAIT).untilAsserted(() -> assertThat(pending(TEAM)).containsExactly("workspace.purge"));
        assertThat(workspace(TEAM).get("uninstalledAt")).isNotNull();
        clock.advance(Duration.ofDays(5));
        await().atMost(WAIT).until(() -> posted("C0OTHER") == 1);
        // The other workspace's ping went out; nothing of the uninstalled one's (reminders, deadline, ping).
        assertThat(slack.calls().subList(before, slack.calls().size())).extracting(FakeSlack.Call::method)
                .filteredOn(m -> m.startsWith("chat.") || m.equals("conversations.open"))
                .containsExactly("chat.postMessage");
        assertThat(posted("C0MINE")).isZero();
        assertThat(db.getCollection("checkins").find(Filters.eq("_id", checkIn)).first()
                .get("checkIn", Document.class).getString("status")).as("never closed").isEqualTo("OPEN");
        // And a call made now for it is refused without reaching Slack.
        assertThatThrownBy(() -> api.call(TEAM, "C0MINE", "chat.postMessage",
                c -> c.chatPostMessage(r -> r.channel("C0MINE").text("hi")))).isInstanceOf(SlackCallFailed.class);
        assertThat(posted("C0MINE")).isZero();
    }

    @Test
    void afterTheRetentionTimeEveryDocumentOfTheWorkspaceIsPurgedFromEveryCollection() {
        driver.start("trust <@U0ALICE>", 1);
        seedBothTeams();
        assertThat(documentsOf(TEAM)).isNotEmpty();
        List<String> othersBefore = documentsOf(OTHER);

        uninstall();
        clock.advance(Duration.ofDays(29));
        sleepPolls();
        assertThat(documentsOf(TEAM)).as("kept for 30 days").isNotEmpty();

        clock.advance(Duration.ofDays(2));
        await().atMost(WAIT).until(() -> documentsOf(TEAM).isEmpty());
        assertThat(db.getCollection("workspaces").find(Filters.eq("_id", TEAM)).first()).isNull();
        assertThat(documentsOf(OTHER)).containsExactlyInAnyOrderElementsOf(othersBefore);
    }

    @Test
    void aReinstallBeforeThePurgeKeepsTheDataAndBringsBackNothingStale() {
        driver.start("trust <@U0ALICE>", 1);
        seedBothTeams();
        uninstall();
        clock.advance(Duration.ofDays(10));
        workspaces.connected(TEAM, FakeSlack.TEAM_NAME, FakeSlack.BOT_USER_ID);
        List<String> kept = documentsOf(TEAM);

        clock.advance(Duration.ofDays(25));
        await().atMost(WAIT).until(() -> db.getCollection("jobs").find(Filters.and(
                Filters.eq("kind", "workspace.purge"), Filters.eq("status", "DONE"))).first() != null);
        assertThat(db.getCollection("jobs").find(Filters.eq("kind", "workspace.purge")).first().getString("note"))
                .contains("installed the app again");
        assertThat(documentsOf(TEAM)).containsAll(kept.stream().filter(d -> !d.startsWith("jobs/")).toList());
        assertThat(workspace(TEAM).get("uninstalledAt")).isNull();
    }

    @Test
    void anActiveRecurringCheckInPlansItsNextRoundAgainOnReinstallWithoutMakingUpMissedOnes() {
        driver.command(CheckInDriver.LEADER, "C0TEAM", "start trust <@U0ALICE> every:1w at:10:00");
        await().atMost(WAIT).until(() -> pending(TEAM).contains("series.round"));
        uninstall();
        await().atMost(WAIT).untilAsserted(() -> assertThat(pending(TEAM)).containsExactly("workspace.purge"));
        int before = slack.calls("chat.postMessage").size();

        clock.advance(Duration.ofDays(9));
        sleepPolls();
        assertThat(slack.calls("chat.postMessage")).as("no round while uninstalled").hasSize(before);

        workspaces.connected(TEAM, FakeSlack.TEAM_NAME, FakeSlack.BOT_USER_ID);
        Document round = await().atMost(WAIT).until(() -> db.getCollection("jobs").find(Filters.and(
                Filters.eq("teamId", TEAM), Filters.eq("kind", "series.round"), Filters.eq("status", "PENDING")))
                .first(), d -> d != null);
        assertThat(round.getDate("dueAt").toInstant()).as("the next round still ahead").isAfter(clock.instant());
        // The round left open when it went away closes now, with its digest; no round is started in its wake.
        assertThat(slack.calls("chat.postMessage")).as("the missed round is not made up")
                .filteredOn(c -> c.param("text").contains("is checking in")).hasSize(roundMessages(before));
    }

    @Test
    void revokedUserTokensAloneChangeNothingButTheBotTokenUninstalls() {
        ping(TEAM, "C0MINE", Duration.ofHours(1));
        requests.event("{\"type\":\"tokens_revoked\",\"tokens\":{\"oauth\":[\"U0ALICE\"],\"bot\":[]}}");
        assertThat(workspace(TEAM).get("uninstalledAt")).isNull();
        assertThat(pending(TEAM)).hasSize(1);
        clock.advance(Duration.ofHours(2));
        await().atMost(WAIT).until(() -> posted("C0MINE") == 1);

        ping(TEAM, "C0MINE", Duration.ofHours(3));
        requests.event("{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"" + FakeSlack.BOT_USER_ID + "\"]}}");
        await().atMost(WAIT).until(() -> workspace(TEAM).get("uninstalledAt") != null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(pending(TEAM)).containsExactly("workspace.purge"));
    }

    @Test
    void aRejectedTokenMarksTheWorkspaceAndNoFurtherCallIsTried() {
        slack.failNext("chat.postMessage", "invalid_auth");
        ping(TEAM, "C0MINE", Duration.ofMinutes(10));
        ping(TEAM, "C0MINE2", Duration.ofMinutes(20));
        ping(OTHER, "C0OTHER", Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(15));
        await().atMost(WAIT).until(() -> workspace(TEAM).get("needsReinstallSince") != null);
        assertThat(workspace(TEAM).getString("needsReinstallError")).isEqualTo("invalid_auth");
        assertThat(workspace(TEAM).get("uninstalledAt")).as("still installed: its data is not purged").isNull();

        clock.advance(Duration.ofHours(1));
        await().atMost(WAIT).until(() -> posted("C0OTHER") == 1);
        sleepPolls();
        // The one rejected try, then nothing: not the failed job's retries, not the second ping.
        assertThat(slack.allAttempts("chat.postMessage")).filteredOn(c -> !"C0OTHER".equals(c.param("channel")))
                .hasSize(1);
        assertThat(db.getCollection("jobs").find(Filters.eq("_id", PING.key("C0MINE2"))).first()).isNull();

        // Installed again: calls go out once more.
        workspaces.connected(TEAM, FakeSlack.TEAM_NAME, FakeSlack.BOT_USER_ID);
        assertThat(workspace(TEAM).get("needsReinstallSince")).isNull();
        api.callOk(TEAM, "C0MINE", "chat.postMessage", c -> c.chatPostMessage(r -> r.channel("C0MINE").text("back")));
        assertThat(posted("C0MINE")).as("the rejected try and this one").isEqualTo(2);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void uninstall() {
        assertThat(requests.event("{\"type\":\"app_uninstalled\"}").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> workspace(TEAM).get("uninstalledAt") != null);
    }

    private void ping(String teamId, String channel, Duration in) {
        schedule.add(new Job<>(PING.key(channel), teamId, PING, clock.instant().plus(in), new Ping(channel)));
    }

    private List<String> pending(String teamId) {
        return db.getCollection("jobs").find(Filters.and(Filters.eq("teamId", teamId),
                Filters.eq("status", "PENDING"))).map(d -> d.getString("kind")).into(new ArrayList<>());
    }

    /** Of the first {@code count} messages posted, those that started a round (its parent and invitations). */
    private int roundMessages(int count) {
        return (int) slack.calls("chat.postMessage").subList(0, count).stream()
                .filter(c -> c.param("text").contains("is checking in")).count();
    }

    private long posted(String channel) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.param("channel"))).count();
    }

    private Document workspace(String teamId) {
        return db.getCollection("workspaces").find(Filters.eq("_id", teamId)).first();
    }

    /** Documents of both teams in the shapes the stores use, in old collections and a new one. */
    private void seedBothTeams() {
        long n = System.nanoTime();
        for (String team : List.of(TEAM, OTHER)) {
            db.getCollection("snoozes").insertOne(new Document("_id", team + ":U0SEED" + n).append("teamId", team)
                    .append("userId", "U0SEED"));
            db.getCollection("commitment_threads").insertOne(new Document("_id", team + ":C0SEED:" + n)
                    .append("commitmentId", "K" + team).append("kind", "LEADER"));
            db.getCollection("commitments").insertOne(new Document("_id", "K" + team + n)
                    .append("commitment", new Document("teamId", team).append("text", "seed")));
            db.getCollection("a_feature_from_next_year").insertOne(new Document("teamId", team).append("x", 1));
        }
        db.getCollection("workspaces").updateOne(Filters.eq("_id", OTHER),
                new Document("$set", new Document("name", "Other")), new com.mongodb.client.model.UpdateOptions()
                        .upsert(true));
    }

    /** "collection/_id" of every document that carries the team's id, at the top or one record down, or in its _id. */
    private List<String> documentsOf(String teamId) {
        List<String> found = new ArrayList<>();
        for (String name : db.listCollectionNames()) {
            for (Document doc : db.getCollection(name).find()) {
                Object id = doc.get("_id");
                boolean mine = teamId.equals(doc.get("teamId")) || teamId.equals(id)
                        || (id instanceof String s && s.startsWith(teamId + ":"))
                        || doc.values().stream().anyMatch(v -> v instanceof Document d && teamId.equals(d.get("teamId")));
                if (mine) {
                    found.add(name + "/" + id);
                }
            }
        }
        return found;
    }

    private static void sleepPolls() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
