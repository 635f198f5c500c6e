package org.alliance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A bad setting stops the start with Spring Boot's failure report: one line naming the setting and
 * what is wrong, one line saying what to do, and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsFailureTest {

    @TempDir
    Path dataDir;

    @Test
    void aSettingItsRecordRefusesEndsInAShortReportNamingIt(CapturedOutput output) {
        Throwable failure = startWith("--alliance.drift.after=-P1D");

        FailureAnalysis analysis = analyze(failure);
        assertThat(analysis.getDescription()).isEqualTo("Bad setting: alliance.drift.after must be positive, e.g. P30D");
        assertThat(analysis.getAction()).isEqualTo(SettingsFailureAnalyzer.ACTION).contains("README.md");

        String all = output.getAll();
        assertThat(all).contains("APPLICATION FAILED TO START")
                .contains("Description:\n\nBad setting: alliance.drift.after must be positive, e.g. P30D\n\nAction:\n\n"
                        + SettingsFailureAnalyzer.ACTION)
                .as("ours, not Spring Boot's generic report").doesNotContain("Update your application's configuration")
                .as("no stack trace").doesNotContain("\tat ")
                .as("no thread dumps from Tomcat").doesNotContain("appears to have started a thread");
        assertThat(all.lines().count()).as("the whole output of the failed start:%n%s", all).isLessThan(40);
    }

    @Test
    void aBadSlackApiUrlIsNamed() {
        FailureAnalysis analysis = analyze(startWith("--alliance.slack.api-url=slack.com/api"));

        assertThat(analysis.getDescription())
                .isEqualTo("Bad setting: SLACK_API_URL must be an http(s) URL, but was 'slack.com/api/'");
    }

    @Test
    void workingHoursThatEndBeforeTheyStartAreNamed() {
        FailureAnalysis analysis = analyze(startWith("--alliance.working-hours.start=18:00",
                "--alliance.working-hours.end=09:00"));

        assertThat(analysis.getDescription()).startsWith("Bad setting: alliance.working-hours.start (18:00) must be "
                + "before alliance.working-hours.end (09:00)");
        assertThat(analysis.getDescription()).doesNotContain("\n");
    }

    @Test
    void aMalformedMongodbUriIsNamedWithoutItsPassword() {
        FailureAnalysis analysis = analyze(startWith("--alliance.mongodb.uri=mongodb//admin:s3cret@db.example.com"));

        assertThat(analysis.getDescription())
                .startsWith("Bad setting: MONGODB_URI is not a valid MongoDB connection string: ")
                .contains("must start with either 'mongodb://' or 'mongodb+srv://")
                .doesNotContain("s3cret");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithWhereItCameFrom() {
        FailureAnalysis analysis = analyze(startWith("--alliance.scheduler.poll-interval=often"));

        assertThat(analysis.getDescription())
                .startsWith("Setting alliance.scheduler.poll-interval (from ")
                .contains("commandLineArgs")
                .endsWith("can't be used: 'often' is not a valid duration");
        assertThat(analysis.getAction()).isEqualTo(SettingsFailureAnalyzer.ACTION);
    }

    @Test
    void distributionWithoutAnEncryptionKeyIsRefusedWithHowToMakeOne(CapturedOutput output) {
        Throwable failure = startWith("--alliance.slack.oauth.client-id=1.2", "--alliance.slack.oauth.client-secret=s",
                "--alliance.slack.oauth.state-secret=t", "--alliance.encryption.key=");

        assertThat(failure).isNotNull();
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Description:\n\nDistribution mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET"
                        + " are set) stores each workspace's bot token encrypted, but ALLIANCE_ENCRYPTION_KEY is not set")
                .contains("openssl rand -base64 32")
                .as("no stack trace").doesNotContain("\tat ");
    }

    @Test
    void springsOwnSettingsAreLeftToSpringBoot() {
        Throwable failure = startWith("--server.port=not-a-port");

        assertThat(new SettingsFailureAnalyzer().analyze(failure)).isNull();
    }

    private static FailureAnalysis analyze(Throwable failure) {
        FailureAnalysis analysis = new SettingsFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        assertThat(analysis.getDescription()).doesNotContain("\n");
        assertThat(analysis.getAction()).doesNotContain("\n");
        return analysis;
    }

    private Throwable startWith(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--alliance.embedded-mongo.port=0",
                "--alliance.embedded-mongo.data-dir=" + dataDir,
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
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(AllianceApplication.class)
                .run(args.toArray(String[]::new)).close());
        assertThat(failure).as("the start with %s fails", List.of(settings)).isNotNull();
        return failure;
    }
}
