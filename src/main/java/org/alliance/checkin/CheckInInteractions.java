package org.alliance.checkin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.model.view.View;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.alliance.slack.UserDirectory;
import org.springframework.stereotype.Component;

/**
 * Buttons and modals of a check-in. Modals open with the click's trigger before the ack (it
 * expires in 3 seconds); everything that talks to other people runs after it.
 */
@Component
class CheckInInteractions {

    public static final String ANSWER = "checkin_answer";
    public static final String EDIT = "checkin_edit";
    public static final String SKIP = "checkin_skip";
    public static final String ANSWER_SUBMIT = AnswerModal.CALLBACK_ID;
    public static final String SKIP_SUBMIT = SkipModal.CALLBACK_ID;

    private final Answering answering;
    private final AfterAnswer afterAnswer;
    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;
    private final UserDirectory users;

    CheckInInteractions(Answering answering, AfterAnswer afterAnswer, SlackApi api, SlackWork work, Replies replies,
                        UserDirectory users) {
        this.answering = answering;
        this.afterAnswer = afterAnswer;
        this.api = api;
        this.work = work;
        this.replies = replies;
        this.users = users;
    }

    /** Answer and Edit: the answer modal, pre-filled with what was said before. */
    public com.slack.api.bolt.response.Response answer(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        String checkInId = p.getActions().get(0).getValue();
        Answering.Opening opening = answering.open(teamId, checkInId, userId);
        if (opening instanceof Answering.Opening.Refused refused) {
            refuse(teamId, p, userId, refused.message());
            return ctx.ack();
        }
        Answering.Opening.Allowed allowed = (Answering.Opening.Allowed) opening;
        View view = AnswerModal.view(allowed.checkIn(), allowed.response(),
                users.displayName(teamId, allowed.checkIn().leaderId()));
        openModal(teamId, p, userId, view);
        return ctx.ack();
    }

    /** Not now: a small modal for an optional reason. */
    public com.slack.api.bolt.response.Response skip(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        Answering.Opening opening = answering.open(teamId, p.getActions().get(0).getValue(), userId);
        if (opening instanceof Answering.Opening.Refused refused) {
            refuse(teamId, p, userId, refused.message());
            return ctx.ack();
        }
        openModal(teamId, p, userId, SkipModal.view(((Answering.Opening.Allowed) opening).checkIn()));
        return ctx.ack();
    }

    public com.slack.api.bolt.response.Response submitAnswer(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        String teamId = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        String checkInId = payload.getView().getPrivateMetadata();
        Answering.Opening opening = answering.open(teamId, checkInId, userId);
        if (opening instanceof Answering.Opening.Refused refused) {
            return ctx.ackWithErrors(Map.of(firstBlock(payload.getView()), refused.message()));
        }
        CheckIn checkIn = ((Answering.Opening.Allowed) opening).checkIn();
        Map<String, String> answers = AnswerModal.answers(checkIn, payload.getView().getState().getValues());
        AnswerOutcome outcome = answering.submit(teamId, checkInId, userId, answers);
        if (outcome instanceof AnswerOutcome.Invalid invalid) {
            return ctx.ackWithErrors(blockErrors(invalid.problems()));
        }
        if (outcome instanceof AnswerOutcome.Refused refused) {
            return ctx.ackWithErrors(Map.of(firstBlock(payload.getView()), refused.message()));
        }
        if (outcome instanceof AnswerOutcome.Recorded recorded) {
            work.run("sharing an answer to check-in " + checkInId, () -> afterAnswer.handle(recorded));
        }
        return ctx.ack();
    }

    public com.slack.api.bolt.response.Response submitSkip(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        String teamId = payload.getTeam().getId();
        String checkInId = payload.getView().getPrivateMetadata();
        AnswerOutcome outcome = answering.skip(teamId, checkInId, payload.getUser().getId(),
                SkipModal.reason(payload.getView().getState().getValues()));
        if (outcome instanceof AnswerOutcome.Recorded recorded) {
            work.run("recording a skip of check-in " + checkInId, () -> afterAnswer.handle(recorded));
        } else if (outcome instanceof AnswerOutcome.Refused refused) {
            return ctx.ackWithErrors(Map.of(SkipModal.REASON_BLOCK, refused.message()));
        } else if (outcome instanceof AnswerOutcome.Invalid invalid) {
            return ctx.ackWithErrors(Map.of(SkipModal.REASON_BLOCK, invalid.problems().values().iterator().next()));
        }
        return ctx.ack();
    }

    private void openModal(String teamId, BlockActionPayload p, String userId, View view) {
        var response = api.call(teamId, "views.open", c -> c.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(view)));
        if (!response.isOk()) {
            refuse(teamId, p, userId, ":warning: I couldn't open the form (" + response.getError()
                    + "). You can also answer by replying in the thread of my message.");
        }
    }

    private void refuse(String teamId, BlockActionPayload p, String userId, String message) {
        String channelId = p.getChannel() != null ? p.getChannel().getId() : null;
        work.run("telling " + userId + " why they can't answer",
                () -> replies.ephemeral(teamId, channelId, userId, message));
    }

    private static Map<String, String> blockErrors(Map<String, String> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((questionId, message) -> errors.put(AnswerModal.blockId(questionId), message));
        return errors;
    }

    private static String firstBlock(View view) {
        if (view.getBlocks() == null) {
            // A payload without the view's blocks must still get its refusal, not a failed request.
            return "q:";
        }
        return view.getBlocks().stream().filter(b -> b.getBlockId() != null && b.getBlockId().startsWith("q:"))
                .map(com.slack.api.model.block.LayoutBlock::getBlockId).findFirst().orElse("q:");
    }
}
