package org.alliance.commitments;

import java.time.Instant;
import java.util.List;

import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import org.alliance.commitments.CommitmentMessages.Message;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackCallFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Says what a commitment needs said, always in direct messages: a commitment is between the
 * leader and that member, so nothing about it ever goes to a channel. Runs after the ack.
 */
@Component
class CommitmentNotifier {

    private static final Logger log = LoggerFactory.getLogger(CommitmentNotifier.class);

    private final SlackApi api;
    private final CommitmentThreads threads;

    CommitmentNotifier(SlackApi api, CommitmentThreads threads) {
        this.api = api;
        this.threads = threads;
    }

    /** @param reminders when the leader will be reminded, so the confirmation promises just that */
    void created(Commitment c, List<Instant> reminders) {
        // Each side is told on its own: one failed DM must not keep the other from arriving.
        tryDirect(c, c.leaderId(), CommitmentMessages.confirmation(c, reminders), CommitmentThreads.Kind.LEADER);
        tryDirect(c, c.memberId(), CommitmentMessages.toMember(c), CommitmentThreads.Kind.MEMBER);
    }

    /** Throws when Slack would not take it, so the scheduled reminder is tried again. */
    void remind(Commitment c, CommitmentReminders.When when) {
        remember(c, direct(c.teamId(), c.leaderId(), CommitmentMessages.reminder(c, when)), CommitmentThreads.Kind.LEADER);
    }

    /** Shows the leader's clicked message ({@code channelId}, {@code ts}) as done, and asks the member. */
    void done(Commitment c, String channelId, String ts) {
        update(c, channelId, ts, CommitmentMessages.doneForLeader(c));
        remember(c, direct(c.teamId(), c.memberId(), CommitmentMessages.askHelped(c)), CommitmentThreads.Kind.ASK_HELPED);
    }

    /** Thanks the member in the message they answered in, and tells the leader what they said. */
    void rated(Commitment c, String channelId, String ts) {
        update(c, channelId, ts, CommitmentMessages.thanks(c));
        remember(c, direct(c.teamId(), c.leaderId(), CommitmentMessages.helpedForLeader(c)), CommitmentThreads.Kind.LEADER);
    }

    private void tryDirect(Commitment c, String userId, Message m, CommitmentThreads.Kind kind) {
        try {
            remember(c, direct(c.teamId(), userId, m), kind);
        } catch (SlackCallFailed e) {
            log.warn("Commitment {}: could not DM {}: {}", c.id(), userId, e.getMessage());
        }
    }

    /** So a reply in the message's thread can be answered; losing that is no reason to fail the message. */
    private void remember(Commitment c, ChatPostMessageResponse posted, CommitmentThreads.Kind kind) {
        try {
            threads.remember(c.teamId(), posted.getChannel(), posted.getTs(), c.id(), kind);
        } catch (RuntimeException e) {
            log.warn("Commitment {}: could not remember its message {}: {}", c.id(), posted.getTs(), e.getMessage());
        }
    }

    private ChatPostMessageResponse direct(String teamId, String userId, Message m) {
        // Posting to a user id lands in the bot's DM with them.
        return api.callOk(teamId, userId, "chat.postMessage", client -> client.chatPostMessage(b -> b
                .channel(userId).text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)));
    }

    /** Best effort: the message may be gone, and the news still goes out in a new one. */
    private void update(Commitment c, String channelId, String ts, Message m) {
        if (channelId == null || ts == null) {
            return;
        }
        try {
            ChatUpdateResponse r = api.call(c.teamId(), channelId, "chat.update", client -> client.chatUpdate(b -> b
                    .channel(channelId).ts(ts).text(m.text()).blocks(m.blocks())));
            if (!r.isOk()) {
                log.info("Commitment {}: could not update the message in {}: {}", c.id(), channelId, r.getError());
            }
        } catch (SlackCallFailed e) {
            log.info("Commitment {}: could not update the message in {}: {}", c.id(), channelId, e.getMessage());
        }
    }
}
