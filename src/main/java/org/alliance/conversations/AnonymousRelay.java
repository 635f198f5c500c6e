package org.alliance.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.alliance.checkin.AnonymousAnswers.AnonymousAnswer;
import org.alliance.checkin.AnswerLoop;
import org.alliance.checkin.Response;
import org.alliance.conversations.AnonymousConversations.Conversation;
import org.alliance.conversations.AnonymousRelayData.Direction;
import org.alliance.schedule.Job;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.springframework.stereotype.Service;

/**
 * Passes the messages of a private conversation about an anonymous answer on, each way, as durable
 * jobs due after a random delay: the leader never sees when the author wrote, nor from where.
 * Taking a message is fast (a conditional update and a job) so it can run before Slack's ack.
 */
@Service
class AnonymousRelay {

    // Stored with every relay job: relays already waiting in a database find their handler by it.
    static final JobKind<AnonymousRelayData> KIND = new JobKind<>("conversation.anonymous.relay",
            AnonymousRelayData.class);

    private final AnonymousConversations conversations;
    private final AnonymousDelays delays;
    private final Schedule schedule;
    private final AnswerLoop answerLoop;
    private final Clock clock;

    AnonymousRelay(AnonymousConversations conversations, AnonymousDelays delays, Schedule schedule,
                   AnswerLoop answerLoop, Clock clock) {
        this.conversations = conversations;
        this.delays = delays;
        this.schedule = schedule;
        this.answerLoop = answerLoop;
        this.clock = clock;
    }

    /**
     * The leader's reply from the form ({@code submissionId} names that form, so a repeated submission
     * is taken once). Empty when it was taken before.
     */
    Optional<Conversation> fromForm(AnonymousAnswer a, String text, String submissionId) {
        Instant now = clock.instant();
        Conversation c = conversations.open(a, now);
        Instant due = delays.next(now, c.toAuthorAt());
        if (!schedule.add(job(c, Direction.TO_AUTHOR, text, "form-" + submissionId, due))) {
            return Optional.empty();
        }
        conversations.queuedToAuthor(c.id(), due);
        // Stored for the leader's follow-through, never shown: the author's response is marked replied.
        answerLoop.replied(new AnswerLoop.Answer(a.checkIn(), a.author()));
        return Optional.of(c);
    }

    /** What the leader writes in a conversation's thread in their DM; empty when the thread isn't one. */
    Optional<String> fromLeader(String teamId, String channelId, String threadTs, String userId, String text,
                                String messageTs) {
        Optional<Conversation> found = conversations.byLeaderThread(teamId, channelId, threadTs)
                .filter(c -> c.leaderId().equals(userId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (text == null || text.isBlank()) {
            return Optional.of(AnonymousMessages.notText());
        }
        Conversation c = found.get();
        Instant due = delays.next(clock.instant(), c.toAuthorAt());
        String ts = messageTs != null ? messageTs : UUID.randomUUID().toString();
        if (messageTs != null && !conversations.takeFromLeader(c.id(), messageTs, due)) {
            // Slack delivered this message twice: it was taken and confirmed the first time.
            return Optional.of("");
        }
        schedule.add(job(c, Direction.TO_AUTHOR, text, ts, due));
        return Optional.of(AnonymousMessages.leaderQueued());
    }

    /**
     * What the author writes in their check-in DM thread once a conversation reached them; the
     * conversation active last takes it. Empty when there is none (or the message was taken before
     * and needs no second word); otherwise the confirmation to post in their thread.
     */
    Optional<Taken> fromAuthor(Response author, String text, String replyTs) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<Conversation> found = conversations.latestReached(author.teamId(), author.checkInId(),
                author.userId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Conversation c = found.get();
        Instant now = clock.instant();
        Instant due = delays.next(now, c.toLeaderAt());
        boolean fresh = conversations.takeFromAuthor(c.id(), replyTs, due, now)
                && schedule.add(job(c, Direction.TO_LEADER, text, replyTs, due));
        return Optional.of(new Taken(c, fresh));
    }

    /** A conversation that took the author's message; {@code fresh} is false for a redelivered one. */
    record Taken(Conversation conversation, boolean fresh) {
    }

    private static Job<AnonymousRelayData> job(Conversation c, Direction direction, String text, String sourceTs,
                                               Instant due) {
        return new Job<>(KIND.key(c.id(), direction.name().toLowerCase(java.util.Locale.ROOT), sourceTs), c.teamId(),
                KIND, due, new AnonymousRelayData(c.id(), direction, AnonymousMessages.cut(text)));
    }
}
