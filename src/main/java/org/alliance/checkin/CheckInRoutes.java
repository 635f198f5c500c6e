package org.alliance.checkin;

import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import org.alliance.slack.ActionRoute;
import org.alliance.slack.EventRoute;
import org.alliance.slack.SubmissionRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Slack entry points of check-ins: answering, skipping, the start form, DM replies and mentions. */
@Configuration(proxyBeanMethods = false)
class CheckInRoutes {

    @Bean
    ActionRoute answerButton(CheckInInteractions interactions) {
        return ActionRoute.of(CheckInInteractions.ANSWER, interactions::answer);
    }

    @Bean
    ActionRoute editButton(CheckInInteractions interactions) {
        return ActionRoute.of(CheckInInteractions.EDIT, interactions::answer);
    }

    @Bean
    ActionRoute skipButton(CheckInInteractions interactions) {
        return ActionRoute.of(CheckInInteractions.SKIP, interactions::skip);
    }

    @Bean
    ActionRoute nudgeButton(Nudges nudges) {
        return ActionRoute.of(Nudges.ACTION, nudges::click);
    }

    @Bean
    SubmissionRoute answerSubmitted(CheckInInteractions interactions) {
        return SubmissionRoute.of(CheckInInteractions.ANSWER_SUBMIT, interactions::submitAnswer);
    }

    @Bean
    SubmissionRoute skipSubmitted(CheckInInteractions interactions) {
        return SubmissionRoute.of(CheckInInteractions.SKIP_SUBMIT, interactions::submitSkip);
    }

    @Bean
    SubmissionRoute startSubmitted(StartModalActions startModal) {
        return SubmissionRoute.of(StartModalActions.SUBMIT, startModal::submit);
    }

    @Bean
    ActionRoute purposeChanged(StartModalActions startModal) {
        return ActionRoute.of(StartModalActions.PURPOSE_CHANGED, startModal::purposeChanged);
    }

    @Bean
    ActionRoute startButton(StartButtonActions startButtons) {
        return ActionRoute.of(StartButtons.START, startButtons::start);
    }

    @Bean
    ActionRoute checkInWithButton(StartButtonActions startButtons) {
        return ActionRoute.of(StartButtons.CHECK_IN_WITH, startButtons::checkInWith);
    }

    @Bean
    EventRoute<MessageEvent> directMessages(CheckInEvents events) {
        return EventRoute.of(MessageEvent.class, events::message);
    }

    @Bean
    EventRoute<AppMentionEvent> mentions(CheckInEvents events) {
        return EventRoute.of(AppMentionEvent.class, events::mention);
    }
}
