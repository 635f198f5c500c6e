package org.alliance.slack;

import java.io.IOException;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.response.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Messages only one person sees, sent after the ack. A response_url works even where the bot is
 * not a member (which is exactly when a leader most needs to be told something).
 */
@Component
public class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    private final Slack slack;
    private final SlackApi api;

    Replies(Slack slack, SlackApi api) {
        this.slack = slack;
        this.api = api;
    }

    public void viaResponseUrl(String responseUrl, String mrkdwn) {
        try {
            new Responder(slack, responseUrl).send(ActionResponse.builder().responseType("ephemeral")
                    .replaceOriginal(false).text(mrkdwn).build());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not answer through response_url: {}", e.getMessage());
        }
    }

    /** An ephemeral message in a channel or DM; with no channel, or if Slack refuses it there, a DM instead. */
    public void ephemeral(String teamId, String channelId, String userId, String mrkdwn) {
        if (channelId == null) {
            direct(teamId, userId, mrkdwn);
            return;
        }
        var response = api.call(teamId, channelId, "chat.postEphemeral",
                c -> c.chatPostEphemeral(r -> r.channel(channelId).user(userId).text(mrkdwn)));
        if (!response.isOk()) {
            log.info("chat.postEphemeral in {} failed ({}); sending a DM instead", channelId, response.getError());
            direct(teamId, userId, mrkdwn);
        }
    }

    public void direct(String teamId, String userId, String mrkdwn) {
        api.callOk(teamId, userId, "chat.postMessage", c -> c.chatPostMessage(r -> r.channel(userId).text(mrkdwn)));
    }
}
