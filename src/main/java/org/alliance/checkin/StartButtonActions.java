package org.alliance.checkin;

import java.util.List;
import java.util.regex.Pattern;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackCallFailed;
import org.alliance.slack.SlackWork;
import org.springframework.stereotype.Component;

/**
 * {@link StartButtons}: the start form from a button (Home, the drift alert), empty or with one
 * person chosen. The click's trigger expires in 3 seconds, so the form opens before the ack.
 */
@Component
class StartButtonActions {

    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

    private final StartForm form;
    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;

    StartButtonActions(StartForm form, SlackApi api, SlackWork work, Replies replies) {
        this.form = form;
        this.api = api;
        this.work = work;
        this.replies = replies;
    }

    Response start(BlockActionRequest req, ActionContext ctx) {
        open(req.getPayload(), List.of());
        return ctx.ack();
    }

    Response checkInWith(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String userId = p.getActions().get(0).getValue();
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            tell(p, "I couldn't tell who that button was for. Type `/alliance start` to choose the people yourself.");
            return ctx.ack();
        }
        open(p, List.of(userId));
        return ctx.ack();
    }

    private void open(BlockActionPayload p, List<String> people) {
        String teamId = p.getTeam().getId();
        String channelId = channelOf(p);
        // A DM with the bot can't hold a check-in thread, so the form then leaves the channel to the leader.
        String threadChannel = channelId == null || channelId.startsWith("D") ? null : channelId;
        View view = form.view(teamId, null, threadChannel, people);
        String error;
        try {
            var response = api.call(teamId, "views.open", c -> c.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(view)));
            error = response.isOk() ? null : response.getError();
        } catch (SlackCallFailed e) {
            error = e.getMessage();
        }
        if (error != null) {
            tell(p, ":warning: I couldn't open the start form (" + error + "). Please try again, or type "
                    + "`/alliance start`.");
        }
    }

    private void tell(BlockActionPayload p, String message) {
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        String channelId = channelOf(p);
        work.run("answering a start button for " + userId, () -> replies.ephemeral(teamId, channelId, userId, message));
    }

    private static String channelOf(BlockActionPayload p) {
        return p.getChannel() == null ? null : p.getChannel().getId();
    }
}
