package org.alliance.conversations;

import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.checkin.AnonymousAnswers;
import org.alliance.checkin.AnonymousAnswers.AnonymousAnswer;
import org.alliance.conversations.AnonymousConversations.Conversation;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.springframework.stereotype.Component;

/**
 * "Reply privately" under an anonymous answer and its form. Looking the key up is three reads by
 * primary key, fast enough to open the form with the click's trigger before the ack; everything
 * posted in Slack afterwards goes out after it.
 */
@Component
class AnonymousInteractions {

    private final AnonymousAnswers answers;
    private final AnonymousConversations conversations;
    private final AnonymousRelay relay;
    private final AnonymousSlack slack;
    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;

    AnonymousInteractions(AnonymousAnswers answers, AnonymousConversations conversations, AnonymousRelay relay,
                          AnonymousSlack slack, SlackApi api, SlackWork work, Replies replies) {
        this.answers = answers;
        this.conversations = conversations;
        this.relay = relay;
        this.slack = slack;
        this.api = api;
        this.work = work;
        this.replies = replies;
    }

    Response replyPrivately(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        Optional<AnonymousAnswer> answer = answers.forLeader(teamId, p.getActions().get(0).getValue(), userId);
        if (answer.isEmpty()) {
            tell(teamId, p, AnonymousMessages.FORGED);
            return ctx.ack();
        }
        boolean continuing = conversations.find(teamId, answer.get().key()).isPresent();
        var view = AnonymousReplyModal.view(answer.get(), continuing);
        var opened = api.call(teamId, "views.open", c -> c.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(view)));
        if (!opened.isOk()) {
            tell(teamId, p, ":warning: I couldn't open the form (" + opened.getError() + "). Please try again.");
        }
        return ctx.ack();
    }

    Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        String teamId = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        Optional<AnonymousAnswer> answer = answers.forLeader(teamId, payload.getView().getPrivateMetadata(), userId);
        if (answer.isEmpty()) {
            return ctx.ackWithErrors(Map.of(AnonymousReplyModal.TEXT_BLOCK, AnonymousMessages.GONE));
        }
        var values = payload.getView().getState() == null ? null : payload.getView().getState().getValues();
        String text = AnonymousReplyModal.text(values);
        if (text == null || text.isBlank()) {
            return ctx.ackWithErrors(Map.of(AnonymousReplyModal.TEXT_BLOCK, AnonymousMessages.EMPTY));
        }
        AnonymousAnswer a = answer.get();
        Optional<Conversation> started = relay.fromForm(a, text, payload.getView().getId());
        started.ifPresent(c -> work.run("opening the leader's side of an anonymous conversation", () -> {
            Conversation withThread = slack.leaderThread(c, a.answer());
            slack.toLeader(withThread, AnonymousMessages.you(text));
        }));
        return ctx.ack();
    }

    /** Only the person who clicked sees it, where they clicked (the leader's DM with the bot). */
    private void tell(String teamId, BlockActionPayload p, String message) {
        String userId = p.getUser().getId();
        String channelId = p.getContainer() != null && p.getContainer().getChannelId() != null
                ? p.getContainer().getChannelId() : p.getChannel() == null ? null : p.getChannel().getId();
        work.run("answering a Reply privately click", () -> replies.ephemeral(teamId, channelId, userId, message));
    }
}
