package org.alliance.checkin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.People;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackCallFailed;
import org.alliance.slack.SlackWork;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

/**
 * {@code /alliance edit <id>} and the Edit button on the parent message open the change form;
 * its submission is checked and stored before the ack, and announced after it. The form needs
 * the trigger within 3 seconds, so it opens before the ack (a database read and cached names).
 */
@Component
class EditActions implements Subcommand {

    static final String OPEN = "checkin_edit_open";

    private final CheckInEditor editor;
    private final EditAnnouncer announcer;
    private final ResponseRepository responses;
    private final People people;
    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;
    private final Recurring recurring;

    EditActions(CheckInEditor editor, EditAnnouncer announcer, ResponseRepository responses, People people,
                SlackApi api, SlackWork work, Replies replies, Recurring recurring) {
        this.recurring = recurring;
        this.editor = editor;
        this.announcer = announcer;
        this.responses = responses;
        this.people = people;
        this.api = api;
        this.work = work;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "edit";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public String usage() {
        return "`/alliance edit <id>` - change a check-in you lead: add people, take off people still waiting, "
                + "move the due time; for a recurring one, its people, time, cadence and questions";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        if (input.arguments().isBlank()) {
            return ctx.ack(Ephemeral.of("Which check-in? Type `/alliance edit <id>`; `/alliance list` shows the ids."));
        }
        Optional<String> refused = open(input.teamId(), input.arguments().split("\\s+")[0], input.userId(),
                input.triggerId());
        return refused.map(r -> ctx.ack(Ephemeral.of(r))).orElseGet(ctx::ack);
    }

    Response button(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String userId = p.getUser().getId();
        String value = p.getActions().get(0).getValue();
        open(p.getTeam().getId(), value == null ? "" : value, userId, p.getTriggerId()).ifPresent(message -> {
            // The parent is in a channel everyone sees: the refusal goes to the one who clicked, politely.
            String channelId = p.getChannel() == null ? null : p.getChannel().getId();
            work.run("telling " + userId + " why they can't change a check-in",
                    () -> replies.ephemeral(p.getTeam().getId(), channelId, userId, message));
        });
        return ctx.ack();
    }

    Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        CheckInEditor.Outcome outcome = editor.apply(payload.getTeam().getId(), payload.getView().getPrivateMetadata(),
                payload.getUser().getId(), EditModal.read(payload.getView().getState().getValues()));
        if (outcome instanceof CheckInEditor.Outcome.Refused refused) {
            return ctx.ackWithErrors(Map.of(refused.field() == null ? EditModal.ADD_BLOCK : refused.field(),
                    refused.message()));
        }
        CheckInEditor.Outcome.Changed changed = (CheckInEditor.Outcome.Changed) outcome;
        work.fanOut("announcing the change of check-in " + changed.checkIn().id(), () -> announcer.announce(changed));
        return ctx.ack();
    }

    /** Opens the form; empty when it opened, else what to tell the person. */
    private Optional<String> open(String teamId, String checkInId, String userId, String triggerId) {
        Optional<String> series = recurring.edit(teamId, checkInId, userId, triggerId);
        if (series.isPresent()) {
            return series.filter(message -> !message.isBlank());
        }
        StringBuilder refusal = new StringBuilder();
        Optional<CheckIn> editable = editor.editable(teamId, checkInId, userId, refusal);
        if (editable.isEmpty()) {
            return Optional.of(refusal.toString());
        }
        CheckIn c = editable.get();
        List<EditModal.Waiting> waiting = responses.forCheckIn(c.id()).stream()
                .filter(r -> r.status() == ResponseStatus.PENDING)
                .map(r -> new EditModal.Waiting(r.userId(), people.find(teamId, r.userId())
                        .map(People.Person::name).orElse(r.userId())))
                .toList();
        String error;
        try {
            var response = api.call(teamId, "views.open",
                    x -> x.viewsOpen(r -> r.triggerId(triggerId).view(EditModal.view(c, waiting))));
            error = response.isOk() ? null : response.getError();
        } catch (SlackCallFailed e) {
            error = e.getMessage();
        }
        return error == null ? Optional.empty()
                : Optional.of(":warning: I couldn't open the form (" + error + "). Please try again in a moment.");
    }
}
