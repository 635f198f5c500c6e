package org.alliance;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreparedStartTest {

    private static final String JAR = "jar:nested:/app/alliance.jar/!BOOT-INF/classes/!/";
    private static final String[] NO_ARGS = {};

    @Test
    void theBuiltJarStartsPrepared() {
        assertThat(PreparedStart.fits(NO_ARGS, Map.of(), new Properties(), true, JAR)).isTrue();
        // The extracted layout (Dockerfile): the application's classes in a jar of their own.
        assertThat(PreparedStart.fits(NO_ARGS, Map.of(), new Properties(), true, "file:/app/alliance.jar")).isTrue();
    }

    @Test
    void withoutPreparedDefinitionsOrOutsideAJarItStartsTheRegularWay() {
        assertThat(PreparedStart.fits(NO_ARGS, Map.of(), new Properties(), false, JAR)).isFalse();
        // target/classes may hold definitions from an earlier build of other code.
        assertThat(PreparedStart.fits(NO_ARGS, Map.of(), new Properties(), true, "file:/src/alliance/target/classes/"))
                .isFalse();
    }

    @Test
    void aTaskOrAManagementPortOfItsOwnStartsTheRegularWay() {
        assertThat(PreparedStart.fits(new String[] {"--alliance.task=reencrypt-tokens"}, Map.of(), new Properties(), true,
                JAR)).isFalse();
        assertThat(PreparedStart.fits(NO_ARGS, Map.of("MANAGEMENT_SERVER_PORT", "9090"), new Properties(), true, JAR))
                .isFalse();
        Properties system = new Properties();
        system.setProperty("alliance.task", "reencrypt-tokens");
        assertThat(PreparedStart.fits(NO_ARGS, Map.of(), system, true, JAR)).isFalse();
        // Other settings are read at run time either way.
        assertThat(PreparedStart.fits(new String[] {"--server.port=9000"}, Map.of("ALLIANCE_DATA_DIR", "/data"),
                new Properties(), true, JAR)).isTrue();
    }

    @Test
    void anExplicitChoiceIsLeftAlone() {
        Properties system = new Properties();
        system.setProperty(PreparedStart.AOT_ENABLED, "false");

        assertThat(PreparedStart.fits(NO_ARGS, Map.of(), system, true, JAR)).isFalse();
    }
}
