package org.alliance.questions;

import org.alliance.slack.SubmissionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Slack entry point of saved question sets: the set form's submission. */
@Configuration(proxyBeanMethods = false)
class QuestionRoutes {

    @Bean
    SubmissionRoute questionSetSaved(SavedSetSubmission submission) {
        return SubmissionRoute.of(SavedSetModal.CALLBACK_ID, submission::submit);
    }
}
