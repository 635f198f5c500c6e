package org.alliance.checkin;

import java.time.Instant;
import java.util.List;

import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import org.alliance.slack.SlackApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Says in Slack that a leader read an answer or a summary, and nudges a leader who hasn't. The
 * person's DM goes through {@link CheckInMessenger}, like every other re-rendering of it.
 */
@Component
class SlackLoopMessenger {

    private static final Logger log = LoggerFactory.getLogger(SlackLoopMessenger.class);

    private final SlackApi api;
    private final SlackLookups lookups;
    private final CheckInMessenger messenger;

    SlackLoopMessenger(SlackApi api, SlackLookups lookups, CheckInMessenger messenger) {
        this.api = api;
        this.lookups = lookups;
        this.messenger = messenger;
    }

    /** The person's DM says the leader read it; the shared answer loses its button for a read line. */
    void answerRead(CheckIn c, Response r) {
        messenger.updateInvitation(c, r);
        if (r.sharedTs() == null) {
            return;
        }
        Out.Message m = SharedAnswerMessage.render(c, r, lookups.name(c.teamId(), r.userId()), false);
        update(c.teamId(), sharedChannel(c), r.sharedTs(), m.text(), m.blocks(), "the shared answer of " + r.id());
    }

    /** One participant of an anonymous check-in is told the leader read the summary; no author is named. */
    void summaryRead(CheckIn c, Response r, Instant at) {
        if (r.dmTs() == null || r.dmChannelId() == null) {
            return;
        }
        Out.Message m = InvitationMessage.render(c, r, lookups.name(c.teamId(), c.leaderId()), at);
        update(c.teamId(), r.dmChannelId(), r.dmTs(), m.text(), m.blocks(), "the DM of " + r.userId() + " for " + c.id());
    }

    /** The clicked message (a summary or a nudge) with its read button turned into a read line. */
    void markRead(String teamId, String channelId, String ts, String text, List<LayoutBlock> blocks, String actionId,
                  Instant at) {
        if (channelId == null || ts == null) {
            return;
        }
        ReadMarks.replaced(blocks, actionId, at).ifPresent(changed -> update(teamId, channelId, ts,
                text == null || text.isBlank() ? "Read" : text, changed, "the message " + ts + " in " + channelId));
    }

    /** Throws when Slack won't take it, so the job tries again rather than count it as sent. */
    void nudgeAnswer(CheckIn c, Response r) {
        String link = lookups.link(c.teamId(), sharedChannel(c), r.sharedTs(), c.visibility() == Visibility.THREAD
                ? "Their answer in the check-in thread" : "Their answer", null);
        post(c.teamId(), c.leaderId(), ReplyNudgeMessage.answer(c, r, link));
    }

    void nudgeSummary(CheckIn c) {
        post(c.teamId(), c.leaderId(), ReplyNudgeMessage.summary(c));
    }

    private void post(String teamId, String userId, Out.Message m) {
        api.callOk(teamId, userId, "chat.postMessage", x -> x.chatPostMessage(b -> b.channel(userId)
                .text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)));
    }

    private void update(String teamId, String channel, String ts, String text, List<LayoutBlock> blocks, String what) {
        ChatUpdateResponse r = api.call(teamId, channel, "chat.update",
                x -> x.chatUpdate(b -> b.channel(channel).ts(ts).text(text).blocks(blocks)));
        if (!r.isOk()) {
            log.warn("Could not update {}: {}", what, r.getError());
        }
    }

    /** Where {@link CheckInMessenger#shareAnswer} put the answers. */
    private static String sharedChannel(CheckIn c) {
        if (c.visibility() == Visibility.THREAD) {
            return c.channelId();
        }
        return c.leaderChannelId() != null ? c.leaderChannelId() : c.leaderId();
    }


}
