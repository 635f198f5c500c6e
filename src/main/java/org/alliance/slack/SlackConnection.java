package org.alliance.slack;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import org.alliance.install.Installations;
import org.alliance.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Checks the settings and the bot token once at start-up, then starts Bolt (and Socket Mode).
 * Bolt would otherwise call auth.test on the first request and fail every request with a 500 if
 * the token were bad; here the problem is logged once, in plain words, and the endpoint says 503.
 */
@Component
public class SlackConnection implements SmartLifecycle, InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SlackConnection.class);

    /** What the bot can do with Slack right now; {@code detail} is safe to show to anyone. */
    public record State(String name, boolean ready, String detail, Optional<BotIdentity> identity) {
        static State unconfigured(List<String> problems) {
            return new State("unconfigured", false, String.join("; ", problems) + " (see " + SlackSettings.README + ")",
                    Optional.empty());
        }

        static State failed(String detail) {
            return new State("token_rejected", false, detail, Optional.empty());
        }

        static State distributed() {
            return new State("distributed", true, "any workspace can install the bot at /slack/install; each uses its own"
                    + " bot token", Optional.empty());
        }

        static State connected(BotIdentity identity) {
            return new State("connected", true, "connected to " + identity, Optional.of(identity));
        }

        /** The workspace and bot user, as people read them; empty until connected. */
        public Optional<String> workspace() {
            return identity.map(BotIdentity::toString);
        }
    }

    private final SlackSettings settings;
    private final Slack slack;
    private final App app;
    private final Workspaces workspaces;
    private final OutageAnswers failures;
    private volatile State state = new State("starting", false, "starting", Optional.empty());
    private volatile boolean running;
    private SocketModeApp socketModeApp;
    /** The token's check, begun as soon as this exists; taken by the first {@link #start()}. */
    private CompletableFuture<Optional<BotIdentity>> earlyCheck;

    private final SlackMetrics metrics;
    private final Installations installations;

    SlackConnection(SlackSettings settings, Slack slack, App app, Workspaces workspaces, OutageAnswers failures,
                    SlackMetrics metrics, Installations installations) {
        this.metrics = metrics;
        this.installations = installations;
        this.failures = failures;
        this.settings = settings;
        this.slack = slack;
        this.app = app;
        this.workspaces = workspaces;
    }

    /**
     * Begins the token check now, on a thread of its own: its answer is needed only once the web
     * server is up, and waiting for it there would add Slack's round trip to every start.
     */
    @Override
    public void afterPropertiesSet() {
        if (!installations.distribution() && settings.problems(false).isEmpty()) {
            earlyCheck = CompletableFuture.supplyAsync(this::authTest, task -> {
                Thread thread = new Thread(task, "slack-auth-test");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    public State state() {
        return state;
    }

    public boolean socketMode() {
        return settings.socketMode();
    }

    boolean httpEnabled() {
        return settings.httpEnabled();
    }

    @Override
    public void start() {
        running = true;
        boolean distribution = installations.distribution();
        List<String> problems = settings.problems(distribution);
        if (!problems.isEmpty()) {
            state = State.unconfigured(problems);
            log.error("Slack is not configured, so the bot cannot talk to Slack until this is fixed and it is restarted: {}."
                    + " The database and /actuator/health keep running; {} answers 503.",
                    state.detail(), SlackConfig.EVENTS_PATH);
            return;
        }
        // With many workspaces there is no one token to check: each request's is checked by Bolt.
        Optional<BotIdentity> identity = distribution ? Optional.empty() : checkToken();
        if (!distribution && identity.isEmpty()) {
            return;
        }
        try {
            // Added only once the token is known good: Bolt builds its default middleware (which checks
            // the token) as soon as any is added.
            app.use(new AckTiming(metrics));
            app.use(new RequestLogContext());
            app.start();
            if (settings.socketMode()) {
                // Failed handlers are answered as over HTTP; a null answer leaves an event unacknowledged,
                // which makes Slack deliver it again.
                socketModeApp = new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket,
                        error -> failures.answer(error.getRequest(), error.getException()), app);
                socketModeApp.startAsync();
            }
        } catch (Exception e) {
            state = State.failed("could not start: " + e.getMessage());
            log.error("Slack: could not start {}: {}", settings.socketMode() ? "Socket Mode" : "the app", e.getMessage());
            return;
        }
        if (distribution) {
            state = State.distributed();
            log.info("Slack: distribution mode in {}: {} install(s) so far; more at /slack/install",
                    settings.socketMode() ? "Socket Mode" : "HTTP mode", installations.count());
            return;
        }
        workspaces.connected(identity.get().teamId(), identity.get().teamName(), identity.get().botUserId());
        state = State.connected(identity.get());
        log.info("Slack: connected to workspace {} ({}) as @{} ({}) in {}", identity.get().teamName(),
                identity.get().teamId(), identity.get().botUserName(), identity.get().botUserId(),
                settings.socketMode() ? "Socket Mode" : "HTTP mode");
    }

    private Optional<BotIdentity> checkToken() {
        CompletableFuture<Optional<BotIdentity>> early = earlyCheck;
        earlyCheck = null;
        // authTest catches everything it can meet; a restart after stop() checks the token again.
        return early != null ? early.join() : authTest();
    }

    private Optional<BotIdentity> authTest() {
        try {
            AuthTestResponse response = slack.methods(settings.botToken()).authTest(r -> r);
            if (!response.isOk()) {
                state = State.failed("Slack rejected SLACK_BOT_TOKEN (auth.test: " + response.getError()
                        + "); reinstall the app or copy the current Bot User OAuth Token (see " + SlackSettings.README + ")");
                log.error("Slack: {}", state.detail());
                return Optional.empty();
            }
            return Optional.of(new BotIdentity(response.getTeamId(), response.getTeam(), response.getUserId(),
                    response.getUser(), response.getBotId()));
        } catch (Exception e) {
            state = State.failed("could not reach Slack at " + settings.apiUrl() + " to check SLACK_BOT_TOKEN ("
                    + e.getMessage() + ")");
            log.error("Slack: {}", state.detail());
            return Optional.empty();
        }
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (socketModeApp != null) {
                // SocketModeApp.close() disconnects but leaves the client's threads running.
                SocketModeClient client = socketModeApp.getClient();
                socketModeApp.close();
                if (client != null) {
                    client.close();
                }
            } else {
                app.stop();
            }
        } catch (Exception e) {
            log.warn("Slack: error while disconnecting: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stop taking Slack work before the web server and the database go away.
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
