package org.alliance.checkin;

import org.alliance.slack.ActionRoute;
import org.alliance.slack.SubmissionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Slack entry points for changing a running check-in (the command is {@link EditActions} itself). */
@Configuration(proxyBeanMethods = false)
class CheckInEditRoutes {

    @Bean
    ActionRoute editCheckInButton(EditActions edit) {
        return ActionRoute.of(EditActions.OPEN, edit::button);
    }

    @Bean
    SubmissionRoute editCheckInSubmitted(EditActions edit) {
        return SubmissionRoute.of(EditModal.CALLBACK_ID, edit::submit);
    }
}
