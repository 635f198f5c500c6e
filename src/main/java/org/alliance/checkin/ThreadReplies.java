package org.alliance.checkin;

import java.util.Optional;

/**
 * Lets a later feature answer replies in the DM threads of its own messages, which check-ins
 * don't know: a reply in a thread of the bot's always gets a meaning or a pointer, never silence.
 */
public interface ThreadReplies {

    /**
     * What to say in the thread {@code threadTs} of the DM {@code channelId}, if it is one of this
     * feature's messages; empty when the thread isn't.
     */
    Optional<String> reply(String teamId, String channelId, String threadTs, String userId, String text);

    /**
     * The same, knowing the reply's own ts ({@code messageTs}), so a feature that passes replies on
     * can take a redelivered event once. By default the ts is not needed.
     */
    default Optional<String> reply(String teamId, String channelId, String threadTs, String userId, String text,
                                   String messageTs) {
        return reply(teamId, channelId, threadTs, userId, text);
    }
}
