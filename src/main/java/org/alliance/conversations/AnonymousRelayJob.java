package org.alliance.conversations;

import java.time.Clock;
import java.util.Optional;

import org.alliance.conversations.AnonymousConversations.Conversation;
import org.alliance.conversations.AnonymousRelayData.Direction;
import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.springframework.stereotype.Component;

/** Delivers one relayed message when its random delay is over. */
@Component
class AnonymousRelayJob implements JobHandler<AnonymousRelayData> {

    private final AnonymousConversations conversations;
    private final AnonymousSlack slack;
    private final Clock clock;

    AnonymousRelayJob(AnonymousConversations conversations, AnonymousSlack slack, Clock clock) {
        this.conversations = conversations;
        this.slack = slack;
        this.clock = clock;
    }

    @Override
    public JobKind<AnonymousRelayData> kind() {
        return AnonymousRelay.KIND;
    }

    @Override
    public Outcome run(Job<AnonymousRelayData> job) {
        AnonymousRelayData data = job.payload();
        Optional<Conversation> found = conversations.find(job.teamId(), data.conversationId());
        if (found.isEmpty()) {
            return Outcome.skipped("the anonymous conversation is gone");
        }
        Conversation c = found.get();
        if (data.direction() == Direction.TO_AUTHOR) {
            // Replies in the author's one thread go to the conversation active last; with several, say which.
            String where = conversations.othersReached(c) ? "\n" + AnonymousMessages.repliesGoHere(c.question()) : "";
            // Marked before it is posted: the moment the author can read "replies here go to this one",
            // their next reply must already go there.
            conversations.reachedAuthor(c.id(), clock.instant());
            slack.toAuthor(c, AnonymousMessages.toAuthor(c.leaderId(), c.question(), data.text(),
                    c.reachedAuthorAt() == null) + where);
        } else {
            slack.toLeader(c, AnonymousMessages.author(data.text()));
        }
        return Outcome.done();
    }

    /** The side that wrote is told, in its own thread, without anything about the other side. */
    @Override
    public void failed(Job<AnonymousRelayData> job, String error) {
        conversations.find(job.teamId(), job.payload().conversationId()).ifPresent(c -> {
            if (job.payload().direction() == Direction.TO_AUTHOR) {
                slack.toLeader(c, AnonymousMessages.notDeliveredToAuthor());
            } else {
                slack.toAuthor(c, AnonymousMessages.notDeliveredToLeader(c.leaderId()));
            }
        });
    }
}
