package org.alliance.conversations;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import org.alliance.conversations.AnonymousConversations.Conversation;
import org.alliance.slack.SlackApi;
import org.springframework.stereotype.Component;

/**
 * Where an anonymous conversation's messages go: the leader's side only ever to the leader's own
 * DM (posted to their user id), the author's side only into the author's check-in DM thread.
 */
@Component
class AnonymousSlack {

    private final SlackApi api;
    private final AnonymousConversations conversations;

    AnonymousSlack(SlackApi api, AnonymousConversations conversations) {
        this.api = api;
        this.conversations = conversations;
    }

    /** The conversation with its thread in the leader's DM, opened now when it has none yet. */
    Conversation leaderThread(Conversation c, String answerOrNull) {
        if (c.leaderRootTs() != null) {
            return c;
        }
        ChatPostMessageResponse r = post(c.teamId(), c.leaderId(), null,
                AnonymousMessages.leaderRoot(c.question(), answerOrNull));
        return conversations.leaderRoot(c.id(), r.getChannel(), r.getTs());
    }

    void toLeader(Conversation c, String mrkdwn) {
        Conversation withThread = leaderThread(c, null);
        post(c.teamId(), withThread.leaderChannelId(), withThread.leaderRootTs(), mrkdwn);
    }

    void toAuthor(Conversation c, String mrkdwn) {
        post(c.teamId(), c.authorChannelId(), c.authorThreadTs(), mrkdwn);
    }

    private ChatPostMessageResponse post(String teamId, String channel, String threadTs, String mrkdwn) {
        return api.callOk(teamId, channel, "chat.postMessage", client -> client.chatPostMessage(b -> b
                .channel(channel).threadTs(threadTs).text(mrkdwn).unfurlLinks(false).unfurlMedia(false)));
    }
}
