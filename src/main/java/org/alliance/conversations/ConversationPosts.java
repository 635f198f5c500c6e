package org.alliance.conversations;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackCallFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Where conversations meet Slack's Web API: posting in a thread, opening a thread, removing a spare one. */
@Component
class ConversationPosts {

    private static final Logger log = LoggerFactory.getLogger(ConversationPosts.class);

    /** A message the bot posted: its channel (a DM's D… id when posted to a user id) and ts. */
    record Posted(String channelId, String ts) {
    }

    private final SlackApi api;

    ConversationPosts(SlackApi api) {
        this.api = api;
    }

    /** Posts {@code mrkdwn} in {@code channelId}, in the thread {@code threadTs} unless it is null. */
    Posted post(String teamId, String channelId, String threadTs, String mrkdwn) {
        ChatPostMessageResponse r = api.callOk(teamId, channelId, "chat.postMessage", c -> c.chatPostMessage(b -> b
                .channel(channelId).threadTs(threadTs).text(mrkdwn).unfurlLinks(false).unfurlMedia(false)));
        return new Posted(r.getChannel(), r.getTs());
    }

    /** Best effort: a spare message nobody will use is not worth failing a reply for. */
    void delete(String teamId, Posted posted) {
        try {
            var r = api.call(teamId, "chat.delete", c -> c.chatDelete(b -> b.channel(posted.channelId())
                    .ts(posted.ts())));
            if (!r.isOk()) {
                log.info("Could not delete a spare conversation root {}: {}", posted.ts(), r.getError());
            }
        } catch (SlackCallFailed e) {
            log.info("Could not delete a spare conversation root {}: {}", posted.ts(), e.getMessage());
        }
    }
}
