package org.alliance.checkin;

import org.alliance.slack.ActionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Slack entry points of read receipts: "Thanks, I've read this" under an answer and under a summary. */
@Configuration(proxyBeanMethods = false)
class ReadReceiptRoutes {

    @Bean
    ActionRoute acknowledgeAnswerButton(ReadReceiptActions actions) {
        return ActionRoute.of(AnswerButtons.ACKNOWLEDGE, actions::answer);
    }

    @Bean
    ActionRoute acknowledgeSummaryButton(ReadReceiptActions actions) {
        return ActionRoute.of(AnswerButtons.ACKNOWLEDGE_SUMMARY, actions::summary);
    }
}
