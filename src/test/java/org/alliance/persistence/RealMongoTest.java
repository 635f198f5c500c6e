package org.alliance.persistence;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
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
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same check-in on a real mongod (a replica set of one, as production should run), where
 * Docker is available; skipped elsewhere. The embedded server ignores compound indexes, so this
 * is where they are seen to be built and used by the real server.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoTest {

    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    private static final FakeSlack slack = FakeSlack.start();

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @Test
    void aCheckInRunsEndToEndOnARealMongoDB(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AllianceApplication.class).run(
                "--server.port=0",
                "--alliance.embedded-mongo.data-dir=" + dataDir,
                "--alliance.mongodb.uri=" + mongo.getReplicaSetUrl("alliance"),
                "--alliance.mongodb.database=alliance",
                "--alliance.slack.api-url=" + slack.apiUrl(),
                "--alliance.slack.bot-token=xoxb-real-mongo",
                "--alliance.slack.signing-secret=real-mongo-secret",
                "--alliance.slack.app-token=")) {
            String port = app.getEnvironment().getProperty("local.server.port");
            MongoDatabase db = app.getBean(MongoDatabase.class);
            SlackRequests requests = new SlackRequests("http://127.0.0.1:" + port + "/slack/events",
                    "real-mongo-secret", Clock.systemUTC());
            CheckInDriver driver = new CheckInDriver(slack, requests, db);

            String id = driver.start("trust <@U0ALICE|alice> <#C0TEAM|team>", 1);
            driver.submitAnswers("U0ALICE", id, Map.of("important", "Being trusted"));
            driver.awaitStatus(id, "COMPLETED");

            assertThat(driver.response(id, "U0ALICE").get("answers", Document.class))
                    .containsEntry("important", "Being trusted");
            List<Document> indexes = db.getCollection("responses").listIndexes().into(new ArrayList<>());
            assertThat(indexes).anySatisfy(i -> {
                assertThat(i.get("key", Document.class).keySet())
                        .containsExactly("response.checkInId", "response.userId");
                assertThat(i.getBoolean("unique")).isTrue();
            });
            assertThat(db.getCollection("jobs").listIndexes().into(new ArrayList<>())).hasSizeGreaterThan(1);
        }
    }
}
