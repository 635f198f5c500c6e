package org.alliance.conversations;

import org.alliance.checkin.AnswerButtons;
import org.alliance.slack.ActionRoute;
import org.alliance.slack.SubmissionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Slack entry points of anonymous conversations: Reply privately and its form. */
@Configuration(proxyBeanMethods = false)
class AnonymousRoutes {

    @Bean
    ActionRoute replyPrivatelyButton(AnonymousInteractions interactions) {
        return ActionRoute.of(AnswerButtons.REPLY_PRIVATELY, interactions::replyPrivately);
    }

    @Bean
    SubmissionRoute anonymousReplySubmitted(AnonymousInteractions interactions) {
        return SubmissionRoute.of(AnonymousReplyModal.CALLBACK_ID, interactions::submit);
    }
}
