package org.alliance.conversations;

import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.checkin.AnswerLoop;
import org.alliance.checkin.AnswerLoop.Answer;
import org.alliance.checkin.Visibility;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.springframework.stereotype.Component;

/**
 * Reply under a shared answer, and its form. The form opens with the click's trigger before the
 * ack (it expires in 3 seconds; the checks before it are two lookups by key); the reply itself goes
 * out after the ack.
 */
@Component
class ConversationInteractions {

    private final AnswerLoop loop;
    private final Conversations conversations;
    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;

    ConversationInteractions(AnswerLoop loop, Conversations conversations, SlackApi api, SlackWork work,
                             Replies replies) {
        this.loop = loop;
        this.conversations = conversations;
        this.api = api;
        this.work = work;
        this.replies = replies;
    }

    public Response reply(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        Optional<Answer> answer = loop.forLeader(teamId, p.getActions().get(0).getValue(), userId);
        Optional<String> refusal = refusal(answer);
        if (refusal.isPresent()) {
            tell(teamId, p, refusal.get());
            return ctx.ack();
        }
        var opened = api.call(teamId, "views.open", c -> c.viewsOpen(r -> r.triggerId(p.getTriggerId())
                .view(ReplyModal.view(answer.get()))));
        if (!opened.isOk()) {
            tell(teamId, p, ":warning: I couldn't open the form (" + opened.getError() + "). Please try again.");
        }
        return ctx.ack();
    }

    public Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        String teamId = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        var state = payload.getView().getState();
        String text = ReplyModal.text(state == null ? null : state.getValues());
        if (text == null || text.isBlank()) {
            return ctx.ackWithErrors(Map.of(ReplyModal.TEXT_BLOCK, "Please write your reply."));
        }
        if (text.length() > ConversationMessages.MAX_TEXT) {
            return ctx.ackWithErrors(Map.of(ReplyModal.TEXT_BLOCK, "Please keep your reply under "
                    + ConversationMessages.MAX_TEXT + " characters."));
        }
        Optional<Answer> answer = loop.forLeader(teamId, payload.getView().getPrivateMetadata(), userId);
        Optional<String> refusal = refusal(answer);
        if (refusal.isPresent()) {
            return ctx.ackWithErrors(Map.of(ReplyModal.TEXT_BLOCK, refusal.get()));
        }
        work.run("replying to answer " + answer.get().response().id(),
                () -> conversations.replyFromForm(answer.get(), text));
        return ctx.ack();
    }

    private static Optional<String> refusal(Optional<Answer> answer) {
        if (answer.isEmpty()) {
            return Optional.of(ConversationMessages.notLeader());
        }
        if (answer.get().checkIn().visibility() == Visibility.ANONYMOUS) {
            return Optional.of(ConversationMessages.anonymous());
        }
        var r = answer.get().response();
        if (r.dmChannelId() == null || r.dmTs() == null) {
            return Optional.of(ConversationMessages.undeliverable(r.userId(), r.checkInId()));
        }
        return Optional.empty();
    }

    /** Only the person who clicked sees it: where they clicked, or in a DM when that is not possible. */
    private void tell(String teamId, BlockActionPayload p, String message) {
        String userId = p.getUser().getId();
        String channelId = p.getContainer() != null && p.getContainer().getChannelId() != null
                ? p.getContainer().getChannelId() : p.getChannel() == null ? null : p.getChannel().getId();
        work.run("answering a Reply click of " + userId, () -> replies.ephemeral(teamId, channelId, userId, message));
    }
}
