package org.alliance.slack;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import org.alliance.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bot's only way to call Slack's Web API. A 429 pauses the calls that share the refused call's
 * limit in that workspace for Retry-After seconds and then retries the same call: Slack did not act
 * on a rate-limited call, so retrying it can neither lose nor duplicate a message. Slack counts its
 * limits per method and workspace, and messages against one budget; so a 429 on a message pauses
 * every message of the workspace, and one on a lookup ({@code users.list}, say) pauses only that
 * method there, never the messages. Message sends are paced by {@link SendPacer}. Never call this
 * on a request thread, except to open a modal.
 */
@Component
public class SlackApi {

    /** A cap on tries of one call besides the time limit, so a broken Retry-After cannot spin forever. */
    static final int MAX_ATTEMPTS = 100;
    private static final java.util.Set<String> MESSAGE_METHODS =
            java.util.Set.of("chat.postMessage", "chat.postEphemeral", "chat.update", "chat.delete");
    private static final Logger log = LoggerFactory.getLogger(SlackApi.class);
    /** Slack's answers that mean the token will never work again: the workspace needs the app reinstalled. */
    /** The error of a call refused because its workspace uninstalled the app or needs it installed again. */
    static final String UNREACHABLE = "workspace_unreachable";
    static final java.util.Set<String> TOKEN_GONE = java.util.Set.of("invalid_auth", "account_inactive", "token_revoked");

    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient client) throws IOException, SlackApiException;
    }

    private final Function<String, ? extends MethodsClient> clients;
    private final SendPacer pacer;
    private final long maxWaitNanos;
    private final Map<String, Long> pausedUntilNanos = new ConcurrentHashMap<>();

    private final SlackMetrics metrics;
    private final BotTokens tokens;
    private final Workspaces workspaces;
    /** Workspaces whose refused calls were logged: once each time it becomes unreachable, not per call. */
    private final java.util.Set<String> refusalLogged = ConcurrentHashMap.newKeySet();

    /** The client alone, for tests: every workspace counts as reachable. */
    SlackApi(Slack slack, SendPacer pacer, SlackRateSettings rate, SlackMetrics metrics, BotTokens tokens) {
        this(slack, pacer, rate, metrics, tokens, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    SlackApi(Slack slack, SendPacer pacer, SlackRateSettings rate, SlackMetrics metrics, BotTokens tokens,
             Workspaces workspaces) {
        this.metrics = metrics;
        this.tokens = tokens;
        this.workspaces = workspaces;
        this.clients = SharedParserMethods.of(slack);
        this.pacer = pacer;
        this.maxWaitNanos = rate.maxRateLimitWait().toNanos();
    }

    /** Returns Slack's answer, ok or not; throws {@link SlackCallFailed} only if no answer could be had. */
    public <T extends SlackApiTextResponse> T call(String teamId, String method, Call<T> call) {
        return call(teamId, null, method, call);
    }

    /**
     * Like {@link #call(String, String, Call)} for a message into {@code channelId}: also keeps to
     * Slack's pace of about one message per second per conversation.
     */
    public <T extends SlackApiTextResponse> T call(String teamId, String channelId, String method, Call<T> call) {
        refuseIfUnreachable(teamId, method);
        MethodsClient client = clients.apply(tokenFor(teamId, method));
        long giveUpAt = System.nanoTime() + maxWaitNanos;
        for (int attempt = 1; ; attempt++) {
            try (SlackMetrics.Waiting ignored = metrics.waiting()) {
                long waited = waitWhilePaused(teamId, method);
                if (MESSAGE_METHODS.contains(method)) {
                    pacer.awaitTurn(teamId, channelId);
                    // A 429 met by another sender may have paused the messages while this one waited for its slot.
                    waited += waitWhilePaused(teamId, method);
                }
                if (waited > 0) {
                    metrics.rateLimitWait(method, waited);
                }
            }
            boolean mayRetry = attempt < MAX_ATTEMPTS && System.nanoTime() < giveUpAt;
            try {
                T response = call.call(client);
                if (!response.isOk() && "ratelimited".equals(response.getError()) && mayRetry) {
                    metrics.call(method, "ratelimited");
                    pause(teamId, 1, method);
                    continue;
                }
                metrics.call(method, response.isOk() ? "ok" : "error");
                if (!response.isOk() && teamId != null && workspaces != null && TOKEN_GONE.contains(response.getError())) {
                    workspaces.needsReinstall(teamId, response.getError());
                }
                return response;
            } catch (SlackApiException e) {
                if (e.getResponse().code() == 429 && mayRetry) {
                    metrics.call(method, "ratelimited");
                    pause(teamId, retryAfterSeconds(e), method);
                    continue;
                }
                metrics.call(method, "failed");
                throw new SlackCallFailed(method, "HTTP " + e.getResponse().code(), e);
            } catch (IOException e) {
                metrics.call(method, "failed");
                throw new SlackCallFailed(method, e.getMessage(), e);
            }
        }
    }

    /** Like {@link #call} but an answer with {@code ok: false} becomes a {@link SlackCallFailed}. */
    public <T extends SlackApiTextResponse> T callOk(String teamId, String method, Call<T> call) {
        return callOk(teamId, null, method, call);
    }

    public <T extends SlackApiTextResponse> T callOk(String teamId, String channelId, String method, Call<T> call) {
        T response = call(teamId, channelId, method, call);
        if (!response.isOk()) {
            throw new SlackCallFailed(method, response.getError(), null);
        }
        return response;
    }

    /** No call at all for a workspace that uninstalled the app or whose token Slack rejected. */
    private void refuseIfUnreachable(String teamId, String method) {
        if (teamId == null || workspaces == null) {
            return;
        }
        java.util.Optional<String> why = workspaces.unreachable(teamId);
        if (why.isEmpty()) {
            refusalLogged.remove(teamId);
            return;
        }
        if (refusalLogged.add(teamId)) {
            log.warn("Not calling Slack for workspace {} ({} and whatever follows): {}", teamId, method, why.get());
        }
        metrics.call(method, "refused");
        throw new SlackCallFailed(method, UNREACHABLE, null);
    }

    private String tokenFor(String teamId, String method) {
        return tokens.tokenFor(teamId, method);
    }

    private void pause(String teamId, long seconds, String method) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(1, seconds));
        pausedUntilNanos.merge(limitKey(teamId, method), until, Math::max);
        log.info("Slack rate-limited {} for workspace {}; pausing {} for {}s", method, teamId,
                MESSAGE_METHODS.contains(method) ? "its messages" : "that method", seconds);
    }

    /** What a 429 on {@code method} pauses: all messages of the workspace (one budget), or that method there. */
    private static String limitKey(String teamId, String method) {
        return (teamId == null ? "" : teamId) + " " + (MESSAGE_METHODS.contains(method) ? "messages" : method);
    }

    /** Waits out a 429 pause of this method's limit in the workspace; returns how long it waited, in nanoseconds. */
    private long waitWhilePaused(String teamId, String method) {
        Long until = pausedUntilNanos.get(limitKey(teamId, method));
        if (until == null) {
            return 0;
        }
        long waitNanos = until - System.nanoTime();
        if (waitNanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlackCallFailed("wait", "interrupted while rate-limited", e);
            }
        }
        return Math.max(0, waitNanos);
    }

    private static long retryAfterSeconds(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return header == null ? 1 : Long.parseLong(header.trim());
        } catch (NumberFormatException ignored) {
            return 1;
        }
    }
}
