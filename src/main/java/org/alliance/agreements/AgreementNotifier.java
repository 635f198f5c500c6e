package org.alliance.agreements;

import org.alliance.agreements.AgreementMessages.Message;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackCallFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Says what an agreement needs said, only ever in the two people's DMs with the bot: nothing about
 * an agreement goes to a channel. Runs after the ack.
 */
@Component
class AgreementNotifier {

    private static final Logger log = LoggerFactory.getLogger(AgreementNotifier.class);

    private final SlackApi api;

    AgreementNotifier(SlackApi api) {
        this.api = api;
    }

    void proposed(Agreement a, Agreement.Version v) {
        // The person's copy is the one that matters: if it can't go, the leader must hear that, not "sent".
        try {
            direct(a.teamId(), a.memberId(), AgreementMessages.proposal(a, v));
        } catch (SlackCallFailed e) {
            log.warn("Agreement {}: could not DM version {} to {}: {}", a.id(), v.number(), a.memberId(), e.getMessage());
            tryDirect(a, a.leaderId(), AgreementMessages.plain(":warning: I couldn't send your agreement to <@"
                    + a.memberId() + ">. Please try again later. " + AgreementMessages.onlyTwo(a.memberId())));
            return;
        }
        tryDirect(a, a.leaderId(), AgreementMessages.sent(a, v));
    }

    /** Updates the person's clicked message and tells the leader. */
    void confirmed(Agreement a, Agreement.Version v, String channelId, String ts) {
        update(a, channelId, ts, AgreementMessages.confirmedForMember(a, v));
        tryDirect(a, a.leaderId(), AgreementMessages.confirmedForLeader(a, v));
    }

    void suggested(Agreement a, Agreement.Version v) {
        tryDirect(a, a.leaderId(), AgreementMessages.suggestion(a, v));
        tryDirect(a, a.memberId(), AgreementMessages.plain(AgreementMessages.suggestionSent(a)));
    }

    /** Throws when Slack would not take it, so the scheduled review is tried again. */
    void review(Agreement a, Agreement.Version v, String userId) {
        String other = userId.equals(a.leaderId()) ? a.memberId() : a.leaderId();
        direct(a.teamId(), userId, AgreementMessages.review(a, v, other));
    }

    /** The review message once answered: what was chosen, without the buttons. */
    void answered(Agreement a, String channelId, String ts, String said) {
        update(a, channelId, ts, AgreementMessages.plain(said));
    }

    void memberAnswered(Agreement a, boolean holds) {
        tryDirect(a, a.leaderId(), AgreementMessages.memberAnswered(a, holds));
    }

    private void tryDirect(Agreement a, String userId, Message m) {
        try {
            direct(a.teamId(), userId, m);
        } catch (SlackCallFailed e) {
            log.warn("Agreement {}: could not DM {}: {}", a.id(), userId, e.getMessage());
        }
    }

    private void direct(String teamId, String userId, Message m) {
        // Posting to a user id lands in the bot's DM with them.
        api.callOk(teamId, userId, "chat.postMessage", c -> c.chatPostMessage(b -> b.channel(userId).text(m.text())
                .blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)));
    }

    /** Best effort: the message may be gone, and the news still reaches the other side. */
    private void update(Agreement a, String channelId, String ts, Message m) {
        if (channelId == null || ts == null) {
            return;
        }
        try {
            var r = api.call(a.teamId(), channelId, "chat.update", c -> c.chatUpdate(b -> b.channel(channelId).ts(ts)
                    .text(m.text()).blocks(m.blocks())));
            if (!r.isOk()) {
                log.info("Agreement {}: could not update the message in {}: {}", a.id(), channelId, r.getError());
            }
        } catch (SlackCallFailed e) {
            log.info("Agreement {}: could not update the message in {}: {}", a.id(), channelId, e.getMessage());
        }
    }
}
