package org.alliance.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Slack's rate limits as {@link FakeSlack#enforceLimits} applies them: a message
 * ({@link #MESSAGE_METHODS}) at most once per {@code perConversation} into one conversation, and
 * within the workspace's message budget; other methods within their own budget per minute (Slack's
 * tiers). Each is a token bucket: it refills at the rate and holds at most its burst, as Slack
 * allows "short bursts" above the rate. A refused call answers HTTP 429 with Retry-After (whole
 * seconds until the bucket has a token again, at least 1) and takes no token: Slack did not act on it.
 *
 * @param perConversation     least time between two messages to one conversation, on average
 * @param conversationBurst   messages one conversation may take at once
 * @param messagesPerMinute   the workspace's message budget
 * @param messageBurst        messages the workspace may send at once above its rate
 * @param methodsPerMinute    other methods' budgets per minute, by method (absent: not limited)
 * @param methodBurstShare    a method's burst as a share of its budget per minute (at least 1 call)
 */
public record SlackLimits(Duration perConversation, int conversationBurst, int messagesPerMinute, int messageBurst,
                          Map<String, Integer> methodsPerMinute, double methodBurstShare) {

    public static final Set<String> MESSAGE_METHODS =
            Set.of("chat.postMessage", "chat.update", "chat.postEphemeral", "chat.delete");

    public SlackLimits {
        methodsPerMinute = Map.copyOf(methodsPerMinute);
        if (perConversation.isNegative() || perConversation.isZero() || messagesPerMinute < 1
                || conversationBurst < 1 || messageBurst < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Slack's published limits with a workspace budget of {@code messagesPerMinute}: one message a second
     * per conversation (bursts of 2), bursts of 3 over the budget, {@code users.info} 100 a minute
     * (Tier 4), {@code users.list}, {@code conversations.members}, {@code usergroups.users.list} and
     * {@code usergroups.list} 20 a minute (Tier 2), {@code conversations.open} 50 (Tier 3); bursts of a
     * quarter of a minute's budget.
     */
    public static SlackLimits slack(int messagesPerMinute) {
        Map<String, Integer> tiers = new HashMap<>();
        tiers.put("users.info", 100);
        tiers.put("users.list", 20);
        tiers.put("conversations.members", 20);
        tiers.put("usergroups.users.list", 20);
        tiers.put("usergroups.list", 20);
        tiers.put("conversations.open", 50);
        return new SlackLimits(Duration.ofSeconds(1), 2, messagesPerMinute, 3, tiers, 0.25);
    }

    public SlackLimits withMethod(String method, int perMinute) {
        Map<String, Integer> tiers = new HashMap<>(methodsPerMinute);
        tiers.put(method, perMinute);
        return new SlackLimits(perConversation, conversationBurst, messagesPerMinute, messageBurst, tiers,
                methodBurstShare);
    }

    public SlackLimits withBursts(int conversationBurst, int messageBurst) {
        return new SlackLimits(perConversation, conversationBurst, messagesPerMinute, messageBurst, methodsPerMinute,
                methodBurstShare);
    }

    /** The limits applied to calls as they arrive; thread-safe. */
    static final class Limiter {

        private final SlackLimits limits;
        private final Map<String, Bucket> buckets = new HashMap<>();

        Limiter(SlackLimits limits) {
            this.limits = limits;
        }

        /** Null when the call may go ahead (its tokens taken), else the Retry-After in seconds. */
        synchronized Integer refuse(String method, Map<String, String> params, long nowNanos) {
            if (MESSAGE_METHODS.contains(method)) {
                Bucket workspace = bucket("workspace", limits.messagesPerMinute() / 60.0,
                        limits.messageBurst());
                String channel = conversation(params.get("channel"));
                Bucket conversation = channel == null ? null
                        : bucket("channel:" + channel, 1e9 / limits.perConversation().toNanos(), limits.conversationBurst());
                long wait = Math.max(workspace.waitNanos(nowNanos), conversation == null ? 0 : conversation.waitNanos(nowNanos));
                if (wait > 0) {
                    return retryAfter(wait);
                }
                workspace.take();
                if (conversation != null) {
                    conversation.take();
                }
                return null;
            }
            Integer perMinute = limits.methodsPerMinute().get(method);
            if (perMinute == null) {
                return null;
            }
            Bucket bucket = bucket("method:" + method, perMinute / 60.0,
                    Math.max(1, (int) (perMinute * limits.methodBurstShare())));
            long wait = bucket.waitNanos(nowNanos);
            if (wait > 0) {
                return retryAfter(wait);
            }
            bucket.take();
            return null;
        }

        private Bucket bucket(String key, double perSecond, int burst) {
            return buckets.computeIfAbsent(key, k -> new Bucket(perSecond, burst));
        }

        /** A post to a user id lands in the DM with them: the same conversation as its D… id. */
        private static String conversation(String channel) {
            if (channel == null || channel.isBlank()) {
                return null;
            }
            return channel.startsWith("U") || channel.startsWith("W") ? "D" + channel : channel;
        }

        private static int retryAfter(long waitNanos) {
            return (int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    /** Starts full; refills at {@code perSecond} up to {@code burst} tokens. */
    private static final class Bucket {

        private final double perNano;
        private final int burst;
        private double tokens;
        private long at = Long.MIN_VALUE;

        Bucket(double perSecond, int burst) {
            this.perNano = perSecond / 1e9;
            this.burst = burst;
            this.tokens = burst;
        }

        /** Refills to {@code now}; 0 when a token is there, else how long until one is. */
        long waitNanos(long now) {
            if (at != Long.MIN_VALUE) {
                tokens = Math.min(burst, tokens + (now - at) * perNano);
            }
            at = now;
            // A hair of tolerance: a call exactly on time is not refused for a rounding error.
            return tokens >= 1 - 1e-9 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
        }

        void take() {
            tokens -= 1;
        }
    }
}
