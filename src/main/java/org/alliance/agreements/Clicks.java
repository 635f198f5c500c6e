package org.alliance.agreements;

import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import org.alliance.agreements.AgreementButtons.Ref;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.springframework.stereotype.Component;

/** What every agreement button needs: its value, where it was clicked, a private answer, a form opened in time. */
@Component
class Clicks {

    static final String BROKEN = "Sorry, I couldn't read that button. Please try again from a newer message.";

    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;

    Clicks(SlackApi api, SlackWork work, Replies replies) {
        this.api = api;
        this.work = work;
        this.replies = replies;
    }

    static String value(BlockActionPayload p) {
        return p.getActions().get(0).getValue();
    }

    static Optional<Ref> ref(BlockActionPayload p) {
        return Ref.parse(value(p));
    }

    /** Only the person who clicked sees it: where they clicked, or in a DM when that is not possible. */
    void tell(BlockActionPayload p, String message) {
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        String channelId = channelOf(p);
        work.run("answering an agreement click of " + userId, () -> replies.ephemeral(teamId, channelId, userId, message));
    }

    /** Opens a modal with the click's trigger, which lasts 3 seconds: called before the ack. */
    void open(BlockActionPayload p, com.slack.api.model.view.View view) {
        String teamId = p.getTeam().getId();
        var response = p.getView() != null
                ? api.call(teamId, "views.push", c -> c.viewsPush(r -> r.triggerId(p.getTriggerId()).view(view)))
                : api.call(teamId, "views.open", c -> c.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(view)));
        if (!response.isOk()) {
            tell(p, ":warning: I couldn't open the form (" + response.getError() + "). Please try again.");
        }
    }

    void later(String what, Runnable runnable) {
        work.run(what, runnable);
    }

    static String channelOf(BlockActionPayload p) {
        if (p.getContainer() != null && p.getContainer().getChannelId() != null) {
            return p.getContainer().getChannelId();
        }
        return p.getChannel() == null ? null : p.getChannel().getId();
    }

    static String messageTs(BlockActionPayload p) {
        if (p.getContainer() != null && p.getContainer().getMessageTs() != null) {
            return p.getContainer().getMessageTs();
        }
        return p.getMessage() == null ? null : p.getMessage().getTs();
    }
}
