package org.alliance;

import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PreparedStartTest {

    private static final String JAR = "jar:nested:/app/alliance.jar/!BOOT-INF/classes/!/";
    private static final Predicate<String> NOTHING_SET = name -> false;

    @Test
    void theBuiltJarStartsPrepared() {
        assertThat(PreparedStart.fits(true, JAR, false, NOTHING_SET)).isTrue();
        // The extracted layout (Dockerfile): the application's classes in a jar of their own.
        assertThat(PreparedStart.fits(true, "file:/app/alliance.jar", false, NOTHING_SET)).isTrue();
    }

    @Test
    void withoutPreparedDefinitionsOrOutsideAJarItStartsTheRegularWay() {
        assertThat(PreparedStart.fits(false, JAR, false, NOTHING_SET)).isFalse();
        // target/classes may hold definitions from an earlier build of other code.
        assertThat(PreparedStart.fits(true, "file:/src/alliance/target/classes/", false, NOTHING_SET)).isFalse();
        assertThat(PreparedStart.fits(true, "file:/src/my.jars/alliance/target/classes/", false, NOTHING_SET)).isFalse();
    }

    @Test
    void aTaskOrAManagementPortOfItsOwnStartsTheRegularWayWhereverItIsSet() {
        StandardEnvironment fromAFile = new StandardEnvironment();
        fromAFile.getPropertySources().addFirst(new MapPropertySource("application.yml next to the jar",
                Map.of("management.server.port", "9090")));
        StandardEnvironment aTask = new StandardEnvironment();
        aTask.getPropertySources().addFirst(new MapPropertySource("commandLineArgs",
                Map.of("alliance.task", "reencrypt-tokens")));
        StandardEnvironment other = new StandardEnvironment();
        other.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of("server.port", "9000")));

        assertThat(PreparedStart.fits(true, JAR, false, fromAFile::containsProperty)).isFalse();
        assertThat(PreparedStart.fits(true, JAR, false, aTask::containsProperty)).isFalse();
        // Other settings are read at run time either way.
        assertThat(PreparedStart.fits(true, JAR, false, other::containsProperty)).isTrue();
    }

    @Test
    void anExplicitChoiceIsLeftAlone() {
        assertThat(PreparedStart.fits(true, JAR, true, NOTHING_SET)).isFalse();
    }
}
