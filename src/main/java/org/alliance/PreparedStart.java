package org.alliance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Whether the bot starts from the bean definitions Spring AOT prepared when the jar was built
 * ({@code spring.aot.enabled}): about a quarter of the start-up's CPU is spent finding out what is
 * already known then (issue #12, docs/benchmarks.md).
 *
 * <p>Those definitions were decided with the build's settings, so the prepared start is taken only
 * when nothing at run time could decide otherwise: from the jar the definitions were built with (a
 * run from {@code target/classes} may hold stale ones), with no task to run ({@code alliance.task}
 * makes a context of its own) and no management port of its own ({@code management.server.port}
 * adds a second web server). Anyone can choose for themselves with {@code -Dspring.aot.enabled}.
 */
final class PreparedStart {

    static final String AOT_ENABLED = "spring.aot.enabled";
    /** Settings that change which beans exist, so a context prepared without them would be wrong. */
    private static final String[] DECIDED_AT_RUN_TIME = {"alliance.task", "management.server.port"};

    private PreparedStart() {
    }

    /** Sets {@code spring.aot.enabled} when the prepared start fits; the regular start otherwise. */
    static void choose(String[] args) {
        Class<?> app = AllianceApplication.class;
        boolean prepared = app.getResource(app.getSimpleName() + "__ApplicationContextInitializer.class") != null;
        String location = String.valueOf(app.getProtectionDomain().getCodeSource().getLocation());
        if (fits(args, System.getenv(), System.getProperties(), prepared, location)) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }

    static boolean fits(String[] args, Map<String, String> env, Properties system, boolean prepared, String location) {
        if (!prepared || !location.contains(".jar") || system.getProperty(AOT_ENABLED) != null) {
            return false;
        }
        return Arrays.stream(DECIDED_AT_RUN_TIME).noneMatch(setting -> system.getProperty(setting) != null
                || env.containsKey(setting.replace('.', '_').toUpperCase(Locale.ROOT))
                || Arrays.stream(args).anyMatch(a -> a.startsWith("--" + setting + "=")));
    }
}
