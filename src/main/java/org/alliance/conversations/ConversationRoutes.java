package org.alliance.conversations;

import org.alliance.checkin.AnswerButtons;
import org.alliance.slack.ActionRoute;
import org.alliance.slack.SubmissionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Slack entry points of named conversations: Reply under a shared answer, and its form. */
@Configuration(proxyBeanMethods = false)
class ConversationRoutes {

    @Bean
    ActionRoute replyButton(ConversationInteractions interactions) {
        return ActionRoute.of(AnswerButtons.REPLY, interactions::reply);
    }

    @Bean
    SubmissionRoute replySubmitted(ConversationInteractions interactions) {
        return SubmissionRoute.of(ReplyModal.CALLBACK_ID, interactions::submit);
    }
}
