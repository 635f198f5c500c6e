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
     * The same, with the ts of the message written, for a feature that must not act twice on a
     * redelivered event. A blank answer means the thread is yours and nothing more is to be said there.
     */
    default Optional<String> reply(String teamId, String channelId, String threadTs, String userId, String text,
                                   String messageTs) {
        return reply(teamId, channelId, threadTs, userId, text);
    }
}
