package org.alliance.commitments;

import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.springframework.stereotype.Component;
import org.alliance.checkin.FollowUpButton;

/**
 * The buttons and form of commitments. The form opens with the click's trigger before the ack
 * (it expires in 3 seconds); every message to people goes out after it.
 */
@Component
class CommitmentInteractions {

    public static final String SUBMIT = CommitmentModal.CALLBACK_ID;
    public static final String DONE = CommitmentButtons.DONE;
    public static final String HELPED = CommitmentButtons.HELPED;

    private static final String BROKEN_BUTTON = "Sorry, I couldn't read that button. Please try again from a newer message.";

    private final Commitments commitments;
    private final CommitmentNotifier notifier;
    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;

    CommitmentInteractions(Commitments commitments, CommitmentNotifier notifier, SlackApi api, SlackWork work,
                           Replies replies) {
        this.commitments = commitments;
        this.notifier = notifier;
        this.api = api;
        this.work = work;
        this.replies = replies;
    }

    /** Follow up: the form, for the leader only (in a thread-visible check-in, anyone sees the button). */
    public Response followUp(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        Optional<FollowUpButton> value = FollowUpButton.parse(p.getActions().get(0).getValue());
        if (value.isEmpty()) {
            tell(teamId, p, BROKEN_BUTTON);
            return ctx.ack();
        }
        FollowUp followUp = commitments.followUp(teamId, userId, value.get().checkInId(), value.get().memberId());
        if (followUp instanceof FollowUp.Refused refused) {
            tell(teamId, p, refused.message());
            return ctx.ack();
        }
        View view = CommitmentModal.view((FollowUp.Allowed) followUp);
        var response = api.call(teamId, "views.open", c -> c.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(view)));
        if (!response.isOk()) {
            tell(teamId, p, ":warning: I couldn't open the form (" + response.getError() + "). Please try again.");
        }
        return ctx.ack();
    }

    public Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        String teamId = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        var values = payload.getView().getState() == null ? null : payload.getView().getState().getValues();
        Optional<FollowUpButton> about = FollowUpButton.parse(payload.getView().getPrivateMetadata());
        if (about.isEmpty()) {
            return ctx.ackWithErrors(Map.of(CommitmentModal.TEXT_BLOCK, BROKEN_BUTTON));
        }
        Submission submission = commitments.submit(teamId, userId, about.get().checkInId(), about.get().memberId(),
                CommitmentModal.text(values), CommitmentModal.dueDate(values));
        if (submission instanceof Submission.Invalid invalid) {
            return ctx.ackWithErrors(CommitmentModal.errors(invalid.problems()));
        }
        if (submission instanceof Submission.Refused refused) {
            return ctx.ackWithErrors(Map.of(CommitmentModal.TEXT_BLOCK, refused.message()));
        }
        Submission.Created created = (Submission.Created) submission;
        Commitment c = created.commitment();
        work.run("telling the leader and member of commitment " + c.id(), () -> notifier.created(c, created.reminders()));
        return ctx.ack();
    }

    /** Mark done: the leader only; a second click changes nothing and says so. */
    public Response done(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        Change change = commitments.markDone(teamId, p.getUser().getId(), p.getActions().get(0).getValue());
        if (change instanceof Change.Changed changed) {
            Commitment c = changed.commitment();
            work.run("marking commitment " + c.id() + " done", () -> notifier.done(c, channelOf(p), messageTs(p)));
        } else if (change instanceof Change.Unchanged unchanged) {
            tell(teamId, p, CommitmentMessages.alreadyDone(unchanged.commitment()));
        } else {
            tell(teamId, p, ((Change.Refused) change).message());
        }
        return ctx.ack();
    }

    /** Did it help? The member only; their first answer is the one kept. */
    public Response helped(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        Optional<String[]> value = CommitmentButtons.unpair(p.getActions().get(0).getValue());
        Optional<Helped> answer = value.flatMap(v -> Helped.parse(v[1]));
        if (answer.isEmpty()) {
            tell(teamId, p, BROKEN_BUTTON);
            return ctx.ack();
        }
        Change change = commitments.rate(teamId, p.getUser().getId(), value.get()[0], answer.get());
        if (change instanceof Change.Changed changed) {
            Commitment c = changed.commitment();
            work.run("recording whether commitment " + c.id() + " helped",
                    () -> notifier.rated(c, channelOf(p), messageTs(p)));
        } else if (change instanceof Change.Unchanged unchanged) {
            tell(teamId, p, CommitmentMessages.alreadyRated(unchanged.commitment()));
        } else {
            tell(teamId, p, ((Change.Refused) change).message());
        }
        return ctx.ack();
    }

    /** Only the person who clicked sees it: where they clicked, or in a DM when that is not possible. */
    private void tell(String teamId, BlockActionPayload p, String message) {
        String userId = p.getUser().getId();
        String channelId = channelOf(p);
        work.run("answering a commitment click of " + userId,
                () -> replies.ephemeral(teamId, channelId, userId, message));
    }

    private static String channelOf(BlockActionPayload p) {
        if (p.getContainer() != null && p.getContainer().getChannelId() != null) {
            return p.getContainer().getChannelId();
        }
        return p.getChannel() == null ? null : p.getChannel().getId();
    }

    private static String messageTs(BlockActionPayload p) {
        if (p.getContainer() != null && p.getContainer().getMessageTs() != null) {
            return p.getContainer().getMessageTs();
        }
        return p.getMessage() == null ? null : p.getMessage().getTs();
    }
}
