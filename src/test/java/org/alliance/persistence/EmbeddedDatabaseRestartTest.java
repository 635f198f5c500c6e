package org.alliance.persistence;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.alliance.AllianceApplication;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the whole application as an operator would, twice on one data folder, because only a
 * real stop and start shows that the embedded database file keeps what was written.
 */
class EmbeddedDatabaseRestartTest {

    private static final FakeSlack slack = FakeSlack.start();

    @AfterAll
    static void stopSlack() {
        slack.close();
    }

    @Test
    void aDocumentWrittenBeforeARestartIsStillThereAfterIt(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext first = start(embedded(dataDir))) {
            first.getBean(MongoDatabase.class).getCollection("restart_probe")
                    .insertOne(new Document("_id", "probe-1").append("note", "written before the restart"));
        }
        assertThat(dataDir.resolve("alliance.mv.db")).isRegularFile();

        try (ConfigurableApplicationContext second = start(embedded(dataDir))) {
            MongoDatabase database = second.getBean(MongoDatabase.class);
            Document probe = database.getCollection("restart_probe").find(Filters.eq("_id", "probe-1")).first();
            assertThat(probe).isNotNull();
            assertThat(probe.getString("note")).isEqualTo("written before the restart");

            Document workspace = database.getCollection("workspaces").find(Filters.eq("_id", FakeSlack.TEAM_ID)).first();
            assertThat(workspace).as("the workspace auth.test reported at start-up").isNotNull();
            assertThat(workspace.getString("name")).isEqualTo(FakeSlack.TEAM_NAME);
            assertThat(workspace.getString("botUserId")).isEqualTo(FakeSlack.BOT_USER_ID);
            assertThat(workspace.get("connectedAt")).isNotNull();
            assertThat(workspace.containsKey("uninstalledAt")).isFalse();
        }
    }

    @Test
    void aMongoUriIsUsedInsteadOfTheEmbeddedServer(@TempDir Path dataDir) throws Exception {
        MongoServer external = new MongoServer(new MemoryBackend());
        try {
            external.bind("127.0.0.1", 0);
            InetSocketAddress address = external.getLocalAddress();
            List<String> args = args(dataDir, "mongodb://127.0.0.1:" + address.getPort(), "elsewhere");

            try (ConfigurableApplicationContext app = start(args)) {
                app.getBean(MongoDatabase.class).getCollection("restart_probe")
                        .insertOne(new Document("_id", "probe-ext").append("note", "external"));
                DatabaseDescription description = app.getBean(DatabaseDescription.class);
                assertThat(description.embedded()).isFalse();
                assertThat(description.where()).contains("127.0.0.1:" + address.getPort());
            }

            // Read back over a separate client: the document must be in the external server itself.
            try (MongoClient direct = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                MongoDatabase database = direct.getDatabase("elsewhere");
                Document probe = database.getCollection("restart_probe").find(Filters.eq("_id", "probe-ext")).first();
                assertThat(probe).isNotNull();
                assertThat(probe.getString("note")).isEqualTo("external");
                assertThat(database.getCollection("workspaces").find(Filters.eq("_id", FakeSlack.TEAM_ID)).first())
                        .isNotNull();
            }
            try (Stream<Path> files = Files.exists(dataDir) ? Files.list(dataDir) : Stream.empty()) {
                assertThat(files.toList()).as("no embedded database file").isEmpty();
            }
        } finally {
            external.shutdownNow();
        }
    }

    private static List<String> embedded(Path dataDir) {
        return args(dataDir, "", "alliance");
    }

    private static List<String> args(Path dataDir, String mongoUri, String database) {
        // Every Slack and database setting is given, so variables in the developer's shell cannot leak in.
        // Each appears once: a repeated --name=value would be joined with a comma, not overridden.
        return List.of(
                "--server.port=0",
                "--alliance.embedded-mongo.port=0",
                "--alliance.embedded-mongo.data-dir=" + dataDir,
                "--alliance.mongodb.uri=" + mongoUri,
                "--alliance.mongodb.database=" + database,
                "--alliance.slack.api-url=" + slack.apiUrl(),
                "--alliance.slack.bot-token=xoxb-restart-test",
                "--alliance.slack.signing-secret=restart-test-secret",
                "--alliance.slack.app-token=");
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(AllianceApplication.class).run(args.toArray(String[]::new));
    }
}
