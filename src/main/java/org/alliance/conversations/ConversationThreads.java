package org.alliance.conversations;

import java.util.Optional;

import org.alliance.checkin.AnswerThreadWriting;
import org.alliance.checkin.Response;
import org.alliance.checkin.ThreadReplies;
import org.springframework.stereotype.Component;

/**
 * Takes what is written on either side of a named conversation: by the leader in the thread under
 * an answer in their DM, and by the author in their check-in DM thread once the leader has replied.
 */
@Component
class ConversationThreads implements ThreadReplies, AnswerThreadWriting {

    private final Conversations conversations;

    ConversationThreads(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public Optional<String> reply(String teamId, String channelId, String threadTs, String userId, String text) {
        return reply(teamId, channelId, threadTs, userId, text, null);
    }

    @Override
    public Optional<String> reply(String teamId, String channelId, String threadTs, String userId, String text,
                                  String messageTs) {
        return conversations.leaderWrote(teamId, channelId, threadTs, userId, text, messageTs);
    }

    @Override
    public boolean take(Response response, String text, String replyTs) {
        return conversations.personWrote(response, text, replyTs);
    }
}
