package org.alliance.playbooks;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.ActionRoute;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackText;
import org.alliance.slack.SlackWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link PlaybookButtons}: Skip and Stop wherever they are shown (Home, {@code /alliance playbooks}). The
 * change and the answer to the clicker (ephemeral where they clicked, else a DM) run after the ack; the
 * change announces itself, so the clicker's Home is refreshed too.
 */
@Configuration(proxyBeanMethods = false)
class PlaybookActions {

    @Bean
    ActionRoute playbookSkipButton(PlaybookRuns runs, SlackWork work, Replies replies) {
        return ActionRoute.of(PlaybookButtons.SKIP, (req, ctx) -> handle(req, ctx, work, replies, (teamId, value, userId) -> {
            int colon = value.indexOf(':');
            return colon < 0 ? "That button is out of date; `/alliance playbooks` shows your playbooks."
                    : runs.skip(teamId, value.substring(0, colon), value.substring(colon + 1), userId);
        }));
    }

    @Bean
    ActionRoute playbookStopButton(PlaybookRuns runs, SlackWork work, Replies replies) {
        return ActionRoute.of(PlaybookButtons.STOP, (req, ctx) -> handle(req, ctx, work, replies,
                (teamId, id, userId) -> runs.stop(teamId, id, userId).orElse("I can't find a playbook with the id `"
                        + SlackText.escape(id) + "` any more.")));
    }

    @FunctionalInterface
    interface Change {
        String apply(String teamId, String value, String userId);
    }

    private static Response handle(BlockActionRequest req, ActionContext ctx, SlackWork work, Replies replies,
                                   Change change) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        String value = p.getActions().get(0).getValue();
        String channelId = p.getChannel() == null ? null : p.getChannel().getId();
        work.run("changing playbook " + value + " for " + userId,
                () -> replies.ephemeral(teamId, channelId, userId, change.apply(teamId, value == null ? "" : value, userId)));
        return ctx.ack();
    }
}
