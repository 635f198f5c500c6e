package org.alliance.recurring;

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
 * {@link SeriesButtons}: Pause, Resume and Stop wherever they are shown (Home). The change and
 * the answer to the clicker (ephemeral where they clicked, else a DM) run after the ack; the
 * change announces itself, so the clicker's Home is refreshed too.
 */
@Configuration(proxyBeanMethods = false)
class SeriesButtonActions {

    @Bean
    ActionRoute pauseButton(RecurringCheckIns recurring, SlackWork work, Replies replies) {
        return ActionRoute.of(SeriesButtons.PAUSE, (req, ctx) -> handle(req, ctx, work, replies,
                (teamId, id, userId) -> recurring.pause(teamId, id, userId)));
    }

    @Bean
    ActionRoute resumeButton(RecurringCheckIns recurring, SlackWork work, Replies replies) {
        return ActionRoute.of(SeriesButtons.RESUME, (req, ctx) -> handle(req, ctx, work, replies,
                (teamId, id, userId) -> recurring.resume(teamId, id, userId)));
    }

    @Bean
    ActionRoute stopButton(RecurringCheckIns recurring, SlackWork work, Replies replies) {
        return ActionRoute.of(SeriesButtons.STOP, (req, ctx) -> handle(req, ctx, work, replies,
                (teamId, id, userId) -> recurring.stop(teamId, id, userId).orElse("I can't find a recurring "
                        + "check-in with the id `" + SlackText.echo(id) + "` any more.")));
    }

    @FunctionalInterface
    interface Change {
        String apply(String teamId, String seriesId, String userId);
    }

    private static Response handle(BlockActionRequest req, ActionContext ctx, SlackWork work, Replies replies,
                                   Change change) {
        BlockActionPayload p = req.getPayload();
        String teamId = p.getTeam().getId();
        String userId = p.getUser().getId();
        String seriesId = p.getActions().get(0).getValue();
        String channelId = p.getChannel() == null ? null : p.getChannel().getId();
        work.run("changing recurring check-in " + seriesId + " for " + userId,
                () -> replies.ephemeral(teamId, channelId, userId, change.apply(teamId, seriesId, userId)));
        return ctx.ack();
    }
}
