package org.alliance.slack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Spaces message sends so the bot stays within Slack's limits instead of bouncing off them: a
 * slot per workspace budget and per conversation. Callers wait for their slot, off the
 * request thread; a fan-out to many people therefore takes as long as the budget says, and no
 * longer.
 */
@Component
class SendPacer {

    private final long workspaceGapNanos;
    private final long conversationGapNanos;
    private final Map<String, Long> nextFree = new ConcurrentHashMap<>();

    SendPacer(SlackRateSettings settings) {
        this.workspaceGapNanos = TimeUnit.MINUTES.toNanos(1) / settings.messagesPerMinute();
        this.conversationGapNanos = settings.perConversation().toNanos();
    }

    void awaitTurn(String teamId, String channelId) {
        long now = System.nanoTime();
        long at = reserve("team:" + teamId, workspaceGapNanos, now);
        if (channelId != null) {
            at = Math.max(at, reserve("channel:" + teamId + ":" + channelId, conversationGapNanos, now));
        }
        long wait = at - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlackCallFailed("send", "interrupted while pacing", e);
            }
        }
    }

    /** Takes the next free slot of {@code key} and returns when it starts. */
    private long reserve(String key, long gap, long now) {
        if (nextFree.size() > 50_000) {
            // Conversations long idle need no slot; forgetting them keeps the map small.
            nextFree.values().removeIf(free -> free < now);
        }
        long[] slot = new long[1];
        nextFree.compute(key, (k, free) -> {
            long start = free == null || free < now ? now : free;
            slot[0] = start;
            return start + gap;
        });
        return slot[0];
    }
}
