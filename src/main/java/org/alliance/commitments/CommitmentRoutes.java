package org.alliance.commitments;

import org.alliance.checkin.FollowUpButton;
import org.alliance.slack.ActionRoute;
import org.alliance.slack.SubmissionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Slack entry points of commitments: Follow up under an answer, its form, Mark done and Did it help. */
@Configuration(proxyBeanMethods = false)
class CommitmentRoutes {

    @Bean
    ActionRoute followUpButton(CommitmentInteractions interactions) {
        return ActionRoute.of(FollowUpButton.ACTION_ID, interactions::followUp);
    }

    @Bean
    SubmissionRoute commitmentSubmitted(CommitmentInteractions interactions) {
        return SubmissionRoute.of(CommitmentInteractions.SUBMIT, interactions::submit);
    }

    @Bean
    ActionRoute doneButton(CommitmentInteractions interactions) {
        return ActionRoute.of(CommitmentInteractions.DONE, interactions::done);
    }

    @Bean
    ActionRoute helpedButtons(CommitmentInteractions interactions) {
        return ActionRoute.of(CommitmentInteractions.HELPED, interactions::helped);
    }
}
