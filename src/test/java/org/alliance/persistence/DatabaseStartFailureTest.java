package org.alliance.persistence;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.alliance.AllianceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A database the bot can't have at start-up stops the start with one line saying why and one
 * saying what to do, instead of the stack trace of the first bean that needed it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartFailureTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecondInstanceOnTheSameDataFolderIsToldItIsInUse(CapturedOutput output) {
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(AllianceApplication.class)
                .run(args("--alliance.embedded-mongo.data-dir=" + dataDir))) {
            int before = output.getAll().length();

            Throwable failure = startWith("--alliance.embedded-mongo.data-dir=" + dataDir);

            FailureAnalysis analysis = analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo("ALLIANCE_DATA_DIR: the data folder "
                    + dataDir.toAbsolutePath().normalize()
                    + " is in use by another Alliance instance (its file alliance.mv.db is locked).");
            assertThat(analysis.getAction()).startsWith("Stop the other instance, or give this one its own "
                    + "ALLIANCE_DATA_DIR").contains("MONGODB_URI").contains("README.md");

            String second = output.getAll().substring(before);
            assertThat(second).contains("APPLICATION FAILED TO START")
                    .contains("Description:\n\n" + analysis.getDescription() + "\n\nAction:\n\n" + analysis.getAction())
                    .doesNotContain("\tat ");
            assertThat(second.lines().count()).as("the second start's output:%n%s", second).isLessThan(40);
            assertThat(first.isRunning()).as("the first instance is untouched").isTrue();
        }
    }

    @Test
    void anUnreachableMongodbUriIsNamedWithItsHost(CapturedOutput output) {
        // Nothing listens on port 1: the start waits out the server-selection timeout, then stops.
        Throwable failure = startWith("--alliance.mongodb.uri=mongodb://127.0.0.1:1/");

        FailureAnalysis analysis = analyze(failure);
        assertThat(analysis.getDescription()).isEqualTo("MONGODB_URI: no MongoDB server answered at 127.0.0.1:1 in "
                + "time, so the bot can't start without its database.");
        assertThat(analysis.getAction()).contains("MongoDB is running and reachable").contains("README.md");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(analysis.getDescription())
                .doesNotContain("\tat ");
    }

    @Test
    void anEmbeddedPortInUseIsNamed() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedMongo.HOST))) {
            Throwable failure = startWith("--alliance.embedded-mongo.data-dir=" + dataDir,
                    "--alliance.embedded-mongo.port=" + taken.getLocalPort());

            assertThat(analyze(failure).getDescription()).startsWith("ALLIANCE_EMBEDDED_MONGO_PORT: the embedded "
                    + "database cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (");
        }
    }

    private static FailureAnalysis analyze(Throwable failure) {
        FailureAnalysis analysis = new DatabaseFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        assertThat(analysis.getDescription()).doesNotContain("\n");
        assertThat(analysis.getAction()).doesNotContain("\n");
        return analysis;
    }

    private static Throwable startWith(String... settings) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(AllianceApplication.class)
                .run(args(settings)).close());
        assertThat(failure).as("the start with %s fails", List.of(settings)).isNotNull();
        return failure;
    }

    private static String[] args(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--alliance.embedded-mongo.port=0",
                "--alliance.mongodb.uri=",
                "--alliance.slack.api-url=http://127.0.0.1:9/api/",
                "--alliance.slack.bot-token=",
                "--alliance.slack.signing-secret=",
                "--alliance.slack.app-token="));
        // A later value replaces a default: Spring would join two values of one option with a comma.
        for (String setting : settings) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(name));
            args.add(setting);
        }
        return args.toArray(String[]::new);
    }
}
