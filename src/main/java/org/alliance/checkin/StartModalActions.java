package org.alliance.checkin;

import java.time.Clock;
import java.util.Map;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.springframework.stereotype.Component;

/** The start modal: re-rendered when the purpose changes, and submitted to start the check-in. */
@Component
class StartModalActions {

    public static final String SUBMIT = StartModal.CALLBACK_ID;
    public static final String PURPOSE_CHANGED = StartModal.PURPOSE_ACTION;

    private final StartCheckIn starting;
    private final StartForm form;
    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;
    private final Clock clock;

    StartModalActions(StartCheckIn starting, StartForm form, SlackApi api, SlackWork work, Replies replies,
                      Clock clock) {
        this.starting = starting;
        this.form = form;
        this.api = api;
        this.work = work;
        this.replies = replies;
        this.clock = clock;
    }

    public Response purposeChanged(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        var current = p.getView();
        String purpose = StartFormReader.selectedPurpose(current.getState().getValues());
        var view = form.view(teamId, purpose, current.getPrivateMetadata());
        work.run("updating the start form", () -> api.call(teamId, "views.update",
                c -> c.viewsUpdate(r -> r.viewId(current.getId()).hash(current.getHash()).view(view))));
        return ctx.ack();
    }

    public Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        String teamId = payload.getTeam().getId();
        String leaderId = payload.getUser().getId();
        StartFormReader.Parsed parsed = StartFormReader.parse(teamId, leaderId, payload.getView().getPrivateMetadata(),
                payload.getView().getState().getValues(), clock.instant());
        if (parsed instanceof StartFormReader.Parsed.Errors errors) {
            return ctx.ackWithErrors(errors.blockIdToMessage());
        }
        if (work.busy()) {
            return ctx.ackWithErrors(Map.of(StartModal.PEOPLE_BLOCK, StartCheckIn.BUSY_IN_FORM));
        }
        StartFormReader.Parsed.Ok ok = (StartFormReader.Parsed.Ok) parsed;
        StartCheckIn.Repeat repeat = new StartCheckIn.Repeat(ok.every(), ok.at(), ok.playbook());
        work.launch(teamId, leaderId, "starting a check-in for " + leaderId, StartCheckIn.DATABASE_DOWN, () -> {
            StartCheckIn.Reply reply = starting.start(ok.request(), repeat);
            if (reply.startedIn() != null) {
                replies.ephemeral(teamId, reply.startedIn(), leaderId, reply.text());
            } else {
                // The form is gone and the bot may not be in the channel: a DM always arrives.
                replies.direct(teamId, leaderId, reply.text());
            }
        });
        return ctx.ack();
    }
}
