package org.alliance.conversations;

import java.util.Optional;

import org.alliance.checkin.ThreadReplies;
import org.springframework.stereotype.Component;

/** What the leader writes in the thread of a private conversation in their DM goes to the answer's author. */
@Component
class AnonymousThreadReplies implements ThreadReplies {

    private final AnonymousRelay relay;

    AnonymousThreadReplies(AnonymousRelay relay) {
        this.relay = relay;
    }

    @Override
    public Optional<String> reply(String teamId, String channelId, String threadTs, String userId, String text) {
        return reply(teamId, channelId, threadTs, userId, text, null);
    }

    @Override
    public Optional<String> reply(String teamId, String channelId, String threadTs, String userId, String text,
                                  String messageTs) {
        return relay.fromLeader(teamId, channelId, threadTs, userId, text, messageTs);
    }
}
