package org.alliance.persistence;

import java.nio.file.Path;
import java.util.Map;

import org.alliance.AllianceApplication;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database opened beside the rest of the start is the one the bot uses; one nobody took is
 * closed with its context, or when the start failed before that, and one opened with settings that
 * changed since is closed before the bot opens its own: the data folder and the port are free again.
 */
class EarlyDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void theBotUsesTheDatabaseOpenedBesideItsStart() {
        try (ConfigurableApplicationContext bot = new SpringApplicationBuilder(AllianceApplication.class).run(args())) {
            EarlyDatabase.Opening early = bot.getBean(EarlyDatabase.BEAN, EarlyDatabase.Opening.class);

            assertThat(early.taken()).as("taken by the bot's beans").isTrue();
            assertThat(bot.getBean(DatabaseDescription.class).where()).contains(dataDir.toString());
        }
        assertThat(opensAgain()).as("closed with the bot").isTrue();
    }

    @Test
    void oneNobodyTookIsClosedWithItsContext() {
        GenericApplicationContext context = contextOn(dataDir);
        context.refresh();
        assertThat(context.getBean(EarlyDatabase.BEAN, EarlyDatabase.Opening.class).taken()).isFalse();

        context.close();

        assertThat(dataDir.resolve("alliance.mv.db")).as("it was opened").exists();
        assertThat(opensAgain()).isTrue();
    }

    @Test
    void aContextThatFailedToStartClosesItToo() {
        GenericApplicationContext context = contextOn(dataDir);
        context.registerBean("broken", Object.class, () -> {
            throw new IllegalStateException("a bean that cannot be made");
        });

        assertThatThrownBy(context::refresh).hasRootCauseMessage("a bean that cannot be made");

        assertThat(dataDir.resolve("alliance.mv.db")).as("it was opened").exists();
        assertThat(opensAgain()).isTrue();
    }

    @Test
    void aStartThatFailedBeforeItsContextWasRefreshedClosesItToo() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AllianceApplication.class)
                .listeners(new FailsBeforeRefresh()).run(args()))
                .hasMessage("a listener that fails before the refresh");

        assertThat(dataDir.resolve("alliance.mv.db")).as("it was opened").exists();
        assertThat(opensAgain()).isTrue();
    }

    @Test
    void itIsTakenOnce() {
        GenericApplicationContext context = contextOn(dataDir);
        context.refresh();
        EarlyDatabase.Opening early = context.getBean(EarlyDatabase.BEAN, EarlyDatabase.Opening.class);
        MongoSettings mongo = new MongoSettings("", null, null);

        try (OpenDatabase database = early.take(mongo, new EmbeddedMongoSettings(0, dataDir)).orElseThrow()) {
            assertThat(database.client().getDatabase("alliance").runCommand(new Document("ping", 1)).get("ok"))
                    .isIn(1, 1.0);
            assertThat(early.take(mongo, new EmbeddedMongoSettings(0, dataDir))).as("a second time").isEmpty();
            context.close();
            assertThatThrownBy(this::opensAgain).as("still the taker's after the context closed")
                    .isInstanceOf(DatabaseStartFailure.class);
        }
        assertThat(opensAgain()).isTrue();
    }

    @Test
    void takenWithOtherSettingsItIsClosedSoTheTakerCanOpenTheSameFolder() {
        GenericApplicationContext context = contextOn(dataDir);
        context.refresh();
        EarlyDatabase.Opening early = context.getBean(EarlyDatabase.BEAN, EarlyDatabase.Opening.class);

        assertThat(early.take(new MongoSettings("", "another", null), new EmbeddedMongoSettings(0, dataDir))).isEmpty();

        assertThat(opensAgain()).as("free before the context closes").isTrue();
        context.close();
    }

    @Test
    void springAotReadingTheBeansAtBuildTimeOpensNothing() {
        System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
        try {
            GenericApplicationContext context = contextOn(dataDir);
            assertThat(context.containsBean(EarlyDatabase.BEAN)).isFalse();
        } finally {
            System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
        }
        assertThat(dataDir.resolve("alliance.mv.db")).doesNotExist();
    }

    private String[] args() {
        return new String[] {"--server.port=0", "--alliance.embedded-mongo.port=0", "--alliance.mongodb.uri=",
                "--alliance.embedded-mongo.data-dir=" + dataDir, "--alliance.slack.api-url=http://127.0.0.1:9/api/",
                "--alliance.slack.bot-token=", "--alliance.slack.signing-secret=", "--alliance.slack.app-token="};
    }

    private static GenericApplicationContext contextOn(Path dataDir) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "alliance.embedded-mongo.port", "0",
                "alliance.embedded-mongo.data-dir", dataDir.toString())));
        new EarlyDatabase().initialize(context);
        return context;
    }

    private boolean opensAgain() {
        try (EmbeddedMongo again = EmbeddedMongo.start(new EmbeddedMongoSettings(0, dataDir))) {
            return again.file().startsWith(dataDir);
        }
    }

    /** Fails the start after the context was prepared (and the database began to open), before it is refreshed. */
    private static final class FailsBeforeRefresh implements ApplicationListener<ApplicationPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationPreparedEvent event) {
            throw new IllegalStateException("a listener that fails before the refresh");
        }
    }
}
