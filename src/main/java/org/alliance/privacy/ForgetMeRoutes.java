package org.alliance.privacy;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import org.alliance.slack.ActionRoute;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The buttons under the forget-me question. The person erased is always whoever clicked (the question
 * was ephemeral, shown to them alone), never anyone named in the button.
 */
@Configuration(proxyBeanMethods = false)
class ForgetMeRoutes {

    @Bean
    ActionRoute forgetMeConfirm(Erasure erasure, SlackWork work, Replies replies) {
        return ActionRoute.of(ForgetMeMessages.CONFIRM, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            String teamId = p.getTeam().getId();
            String userId = p.getUser().getId();
            String responseUrl = p.getResponseUrl();
            work.runFor(teamId, userId, "forget-me", () -> {
                if (responseUrl != null) {
                    replies.viaResponseUrl(responseUrl, ForgetMeMessages.ERASING);
                }
                erasure.forget(teamId, userId);
            });
            return ctx.ack();
        });
    }

    @Bean
    ActionRoute forgetMeCancel(SlackWork work, Replies replies) {
        return ActionRoute.of(ForgetMeMessages.CANCEL, (req, ctx) -> {
            String responseUrl = req.getPayload().getResponseUrl();
            if (responseUrl != null) {
                work.run("forget-me cancelled", () -> replies.viaResponseUrl(responseUrl, ForgetMeMessages.CANCELLED));
            }
            return ctx.ack();
        });
    }
}
