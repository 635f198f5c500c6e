package org.alliance;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Whether the bot starts from the bean definitions Spring AOT prepared when the jar was built
 * ({@code spring.aot.enabled}): a fifth of the start-up is spent finding out what was already known
 * then (issue #12, docs/benchmarks.md).
 *
 * <p>Those definitions were decided with the build's settings, so the prepared start is taken only
 * when nothing at run time could decide otherwise: from the jar the definitions were built with (a
 * run from {@code target/classes} may hold stale ones), with no task to run ({@code alliance.task}
 * makes a context of its own) and no management port of its own ({@code management.server.port}
 * adds a second web server), wherever those are set: the decision waits until every source of
 * settings is read, and is made before the context is. {@code -Dspring.aot.enabled} decides for itself.
 */
final class PreparedStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String AOT_ENABLED = "spring.aot.enabled";
    /** Settings that change which beans exist, so a context prepared without them would be wrong. */
    static final List<String> DECIDED_AT_RUN_TIME = List.of("alliance.task", "management.server.port");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Class<?> app = AllianceApplication.class;
        boolean prepared = app.getResource(app.getSimpleName() + "__ApplicationContextInitializer.class") != null;
        String location = String.valueOf(app.getProtectionDomain().getCodeSource().getLocation());
        if (fits(prepared, location, System.getProperty(AOT_ENABLED) != null, event.getEnvironment()::containsProperty)) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }

    static boolean fits(boolean prepared, String location, boolean chosen, Predicate<String> isSet) {
        // A jar of its own (extracted) or Boot's nested jar (jar:nested:/app/alliance.jar/!BOOT-INF/classes/!/).
        boolean fromJar = location.matches(".*\\.jar([/!].*)?");
        return prepared && fromJar && !chosen && DECIDED_AT_RUN_TIME.stream().noneMatch(isSet);
    }
}
