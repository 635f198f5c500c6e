package org.alliance.agreements;

import org.alliance.checkin.AnswerButtons;
import org.alliance.slack.ActionRoute;
import org.alliance.slack.SubmissionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Slack entry points of agreements: every button and both forms. */
@Configuration(proxyBeanMethods = false)
class AgreementRoutes {

    @Bean
    ActionRoute agreementFromAnswer(ProposalInteractions proposals) {
        return ActionRoute.of(AnswerButtons.AGREEMENT, proposals::fromAnswer);
    }

    @Bean
    ActionRoute agreementRevise(ProposalInteractions proposals) {
        return ActionRoute.of(AgreementButtons.REVISE, proposals::revise);
    }

    @Bean
    ActionRoute agreementVersions(ProposalInteractions proposals) {
        return ActionRoute.of(AgreementButtons.VERSIONS, proposals::versions);
    }

    @Bean
    SubmissionRoute agreementSubmitted(ProposalInteractions proposals) {
        return SubmissionRoute.of(AgreementForms.SUBMIT, proposals::submit);
    }

    @Bean
    ActionRoute agreementConfirm(ReplyInteractions replies) {
        return ActionRoute.of(AgreementButtons.CONFIRM, replies::confirm);
    }

    @Bean
    ActionRoute agreementSuggest(ReplyInteractions replies) {
        return ActionRoute.of(AgreementButtons.SUGGEST, replies::suggest);
    }

    @Bean
    SubmissionRoute agreementSuggestionSubmitted(ReplyInteractions replies) {
        return SubmissionRoute.of(AgreementForms.SUGGEST_SUBMIT, replies::submitSuggestion);
    }

    @Bean
    ActionRoute agreementStillHolds(ReplyInteractions replies) {
        return ActionRoute.of(AgreementButtons.STILL_HOLDS, replies::stillHolds);
    }

    @Bean
    ActionRoute agreementLetsRevise(ReplyInteractions replies) {
        return ActionRoute.of(AgreementButtons.LETS_REVISE, replies::letsRevise);
    }
}
