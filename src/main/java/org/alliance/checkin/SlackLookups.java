package org.alliance.checkin;

import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackCallFailed;
import org.alliance.slack.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The two things check-in messages look up in Slack before they render: a person's name and a
 * link to a message. Neither is worth failing a message for, so both fall back quietly.
 */
@Component
class SlackLookups {

    private static final Logger log = LoggerFactory.getLogger(SlackLookups.class);

    private final SlackApi api;
    private final UserDirectory directory;

    SlackLookups(SlackApi api, UserDirectory directory) {
        this.api = api;
        this.directory = directory;
    }

    /** Their display name, or null when Slack can't say. */
    String name(String teamId, String userId) {
        try {
            return directory.find(teamId, userId).map(UserDirectory.Person::name).orElse(null);
        } catch (SlackCallFailed e) {
            log.info("No name for {}: {}", userId, e.getMessage());
            return null;
        }
    }

    /** A mrkdwn link labelled {@code label} to the message {@code ts}, or {@code fallback} without one. */
    String link(String teamId, String channel, String ts, String label, String fallback) {
        if (ts == null) {
            return fallback;
        }
        try {
            ChatGetPermalinkResponse r = api.call(teamId, "chat.getPermalink",
                    c -> c.chatGetPermalink(b -> b.channel(channel).messageTs(ts)));
            if (r.isOk() && r.getPermalink() != null) {
                return "<" + r.getPermalink() + "|" + label + ">";
            }
            log.info("No permalink for {} {}: {}", channel, ts, r.getError());
        } catch (SlackCallFailed e) {
            log.info("No permalink for {} {}: {}", channel, ts, e.getMessage());
        }
        return fallback;
    }
}
