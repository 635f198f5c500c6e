package org.alliance.commitments;

import java.util.Locale;
import java.util.Optional;

import org.alliance.checkin.ThreadReplies;
import org.springframework.stereotype.Component;

/**
 * Replies in the threads of commitment messages. Nothing typed there reaches anyone, so each gets
 * a pointer to what does; under "Did it help?" a plain yes, somewhat or no is taken as the answer.
 */
@Component
class CommitmentThreadReplies implements ThreadReplies {

    private final CommitmentThreads threads;
    private final Commitments commitments;
    private final CommitmentNotifier notifier;

    CommitmentThreadReplies(CommitmentThreads threads, Commitments commitments, CommitmentNotifier notifier) {
        this.threads = threads;
        this.commitments = commitments;
        this.notifier = notifier;
    }

    @Override
    public Optional<String> reply(String teamId, String channelId, String threadTs, String userId, String text) {
        return threads.find(teamId, channelId, threadTs).map(found -> commitments.find(teamId, found.commitmentId())
                .map(c -> switch (found.kind()) {
                    case LEADER -> toLeader(c);
                    case MEMBER -> "Replies here aren't sent to <@" + c.leaderId() + ">. To talk it over, message "
                            + "them directly; `/alliance commitments` lists what has been committed to you.";
                    case ASK_HELPED -> helped(c, channelId, threadTs, userId, text);
                })
                .orElse("That commitment no longer exists, and replies here aren't sent to anyone."));
    }

    private static String toLeader(Commitment c) {
        return c.isOpen()
                ? "Replies here aren't sent to anyone, <@" + c.memberId() + "> included. When you've done it, press "
                        + "*Mark done* on this message and I'll ask them whether it helped. `/alliance commitments` "
                        + "lists what is open."
                : "Replies here aren't sent to anyone. This commitment is done; `/alliance commitments` lists "
                        + "what is still open.";
    }

    private String helped(Commitment c, String channelId, String threadTs, String userId, String text) {
        Optional<Helped> answer = parse(text);
        if (answer.isEmpty()) {
            return c.helped() != null
                    ? CommitmentMessages.alreadyRated(c) + " Replies here aren't sent to anyone."
                    : "Replies here aren't sent to <@" + c.leaderId() + ">. Press *Yes*, *Somewhat* or *Not really* "
                            + "above, or reply `yes`, `somewhat` or `no` here.";
        }
        Change change = commitments.rate(c.teamId(), userId, c.id(), answer.get());
        if (change instanceof Change.Changed changed) {
            notifier.rated(changed.commitment(), channelId, threadTs);
            return "Thanks: I've told <@" + c.leaderId() + "> you said *" + answer.get().label() + "*.";
        }
        if (change instanceof Change.Unchanged unchanged) {
            return CommitmentMessages.alreadyRated(unchanged.commitment());
        }
        return ((Change.Refused) change).message();
    }

    /** "yes", "Somewhat.", "no", "not really": the words of the buttons, typed. */
    static Optional<Helped> parse(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!\\s]+$", "");
        return switch (word) {
            case "yes", "yes it did", "it did" -> Optional.of(Helped.YES);
            case "somewhat", "a bit", "a little" -> Optional.of(Helped.SOMEWHAT);
            case "no", "not really" -> Optional.of(Helped.NO);
            default -> Optional.empty();
        };
    }
}
