package org.alliance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** For tests and benchmarks that run the bot as a process of its own. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /** The java command of this JVM, so a child runs on the same JDK. */
    public static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * Settings for a bot child against {@code slack}: its token, {@code secret} to sign requests with,
     * {@code port}, and its embedded database in {@code data}. Nothing of the caller's own Slack, database,
     * management or JVM-option settings reaches the child.
     */
    public static void botEnvironment(ProcessBuilder builder, FakeSlack slack, String secret, int port, Path data) {
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("ALLIANCE_") || k.startsWith("SLACK_") || k.startsWith("MANAGEMENT_")
                || k.equals("MONGODB_URI") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("SLACK_API_URL", slack.apiUrl());
        env.put("SLACK_BOT_TOKEN", "xoxb-child");
        env.put("SLACK_SIGNING_SECRET", secret);
        env.put("PORT", String.valueOf(port));
        env.put("ALLIANCE_DATA_DIR", data.toString());
        env.put("ALLIANCE_EMBEDDED_MONGO_PORT", "0");
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the process to stop (its shutdown hooks run, a flight recording is written), then forces it. */
    public static void stop(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
