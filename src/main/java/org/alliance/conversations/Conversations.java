package org.alliance.conversations;

import java.time.Clock;
import java.util.Optional;

import org.alliance.checkin.AnswerLoop;
import org.alliance.checkin.AnswerLoop.Answer;
import org.alliance.checkin.CheckIn;
import org.alliance.checkin.Response;
import org.alliance.checkin.Visibility;
import org.alliance.slack.SlackCallFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Relays what the leader and the author of a named answer write to each other, between the
 * leader's thread under that answer and the author's check-in DM thread. Runs after Slack's ack.
 */
@Service
class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);

    private final ConversationRepository conversations;
    private final ConversationPosts posts;
    private final AnswerLoop loop;
    private final Clock clock;

    Conversations(ConversationRepository conversations, ConversationPosts posts, AnswerLoop loop, Clock clock) {
        this.conversations = conversations;
        this.posts = posts;
        this.loop = loop;
        this.clock = clock;
    }

    /** A reply from the Reply form: to the author, and echoed in the leader's thread. */
    void replyFromForm(Answer answer, String text) {
        Optional<Conversation> opened = open(answer, null, null);
        if (opened.isEmpty()) {
            return;
        }
        Conversation c = opened.get();
        if (!c.deliverable()) {
            posts.post(c.teamId(), c.leaderChannelId(), c.leaderTs(),
                    ConversationMessages.undeliverable(c.personId(), c.checkInId()));
            return;
        }
        Optional<String> failed = toPerson(c, answer.checkIn(), text);
        if (failed.isPresent()) {
            posts.post(c.teamId(), c.leaderChannelId(), c.leaderTs(), failed.get());
            return;
        }
        loop.replied(answer);
        posts.post(c.teamId(), c.leaderChannelId(), c.leaderTs(), ConversationMessages.leaderEcho(text));
    }

    /**
     * The leader wrote in a thread of their DM. Empty when it is no conversation's thread; else
     * what to say there (blank for nothing: after the first time the leader knows where it goes).
     */
    Optional<String> leaderWrote(String teamId, String channelId, String threadTs, String userId, String text,
                                 String messageTs) {
        Optional<Conversation> known = conversations.byLeaderThread(teamId, channelId, threadTs)
                .filter(c -> c.leaderId().equals(userId));
        Optional<Answer> answer;
        Conversation c;
        if (known.isPresent()) {
            answer = loop.forLeader(teamId, known.get().id(), userId);
            if (answer.isEmpty()) {
                return Optional.of(ConversationMessages.gone());
            }
            c = known.get();
        } else {
            // The thread under a leader-only answer is its conversation before anyone has written in it.
            answer = loop.forLeaderThread(teamId, userId, threadTs);
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            Optional<Conversation> opened = open(answer.get(), channelId, threadTs);
            if (opened.isEmpty()) {
                return Optional.empty();
            }
            c = opened.get();
        }
        if (text == null || text.isBlank()) {
            return Optional.of("");
        }
        if (messageTs != null && !conversations.leaderWrote(c.id(), messageTs)) {
            return Optional.of("");
        }
        if (!c.deliverable()) {
            return Optional.of(ConversationMessages.undeliverable(c.personId(), c.checkInId()));
        }
        Optional<String> failed = toPerson(c, answer.get().checkIn(), text);
        if (failed.isPresent()) {
            return failed;
        }
        loop.replied(answer.get());
        return Optional.of(conversations.leaderTold(c.id(), clock.instant()) ? ConversationMessages.sent(c.personId())
                : "");
    }

    /**
     * The author wrote in their check-in DM thread after answering: relayed to the leader when the
     * leader has started a conversation about it; otherwise not taken. Anonymous answers never have
     * a conversation here.
     */
    boolean personWrote(Response response, String text, String replyTs) {
        Optional<Conversation> found = conversations.find(response.teamId(), response.id())
                .filter(c -> c.personId().equals(response.userId()) && c.hasLeaderSide());
        if (found.isEmpty()) {
            return false;
        }
        Conversation c = found.get();
        if (text == null || text.isBlank() || (replyTs != null && !conversations.personWrote(c.id(), replyTs))) {
            return true;
        }
        posts.post(c.teamId(), c.leaderChannelId(), c.leaderTs(), ConversationMessages.fromPerson(c.personId(), text));
        posts.post(c.teamId(), response.dmChannelId(), response.dmTs(), ConversationMessages.sent(c.leaderId()));
        return true;
    }

    /**
     * The conversation about {@code answer}, created at the first reply. For a leader-only answer
     * the leader's side is the thread under the shared answer; otherwise a new DM to the leader
     * quoting the answer. Empty for an anonymous answer.
     */
    Optional<Conversation> open(Answer answer, String leaderChannelId, String leaderTs) {
        CheckIn checkIn = answer.checkIn();
        Response r = answer.response();
        if (checkIn.visibility() == Visibility.ANONYMOUS) {
            return Optional.empty();
        }
        Optional<Conversation> existing = conversations.find(r.teamId(), r.id()).filter(Conversation::hasLeaderSide);
        if (existing.isPresent()) {
            return existing;
        }
        String channel = null;
        String ts = null;
        if (checkIn.visibility() == Visibility.LEADER && (leaderTs != null || r.sharedTs() != null)) {
            channel = leaderChannelId != null ? leaderChannelId
                    : checkIn.leaderChannelId() != null ? checkIn.leaderChannelId() : checkIn.leaderId();
            ts = leaderTs != null ? leaderTs : r.sharedTs();
        }
        Conversation stored = conversations.insertOrExisting(new Conversation(r.id(), r.teamId(), checkIn.id(),
                checkIn.leaderId(), r.userId(), channel, ts, r.dmChannelId(), r.dmTs(), null, null, null,
                clock.instant()));
        if (stored.hasLeaderSide()) {
            return Optional.of(stored);
        }
        ConversationPosts.Posted root = posts.post(r.teamId(), checkIn.leaderId(), null,
                ConversationMessages.leaderRoot(answer));
        Optional<Conversation> won = conversations.leaderSide(r.id(), root.channelId(), root.ts());
        if (won.isEmpty()) {
            // Another reply opened it a moment before: use that thread, drop this one.
            posts.delete(r.teamId(), root);
            return conversations.find(r.teamId(), r.id());
        }
        return won;
    }

    /** Delivers the leader's words; when Slack refuses, what to tell the leader instead. */
    private Optional<String> toPerson(Conversation c, CheckIn checkIn, String text) {
        try {
            posts.post(c.teamId(), c.personChannelId(), c.personTs(), ConversationMessages.toPerson(c.leaderId(),
                    checkIn, text));
            return Optional.empty();
        } catch (SlackCallFailed e) {
            log.warn("Conversation {}: could not reach the author: {}", c.id(), e.getMessage());
            return Optional.of(ConversationMessages.notDelivered(c.personId()));
        }
    }
}
