package org.alliance.conversations;

import java.util.Optional;

import org.alliance.checkin.AnswerThreadWriting;
import org.alliance.checkin.Response;
import org.springframework.stereotype.Component;

/**
 * What an author writes in their check-in DM thread once a leader's private reply reached them
 * there: it goes back to the leader, without their name. Only anonymous check-ins have such
 * conversations, so any other thread is left to check-ins.
 */
@Component
class AnonymousThreadWriting implements AnswerThreadWriting {

    private final AnonymousRelay relay;
    private final AnonymousSlack slack;

    AnonymousThreadWriting(AnonymousRelay relay, AnonymousSlack slack) {
        this.relay = relay;
        this.slack = slack;
    }

    @Override
    public boolean take(Response response, String text, String replyTs) {
        Optional<AnonymousRelay.Taken> taken = relay.fromAuthor(response, text, replyTs);
        taken.filter(AnonymousRelay.Taken::fresh).ifPresent(t -> slack.toAuthor(t.conversation(),
                AnonymousMessages.authorQueued(t.conversation().leaderId(), t.conversation().question())));
        return taken.isPresent();
    }
}
