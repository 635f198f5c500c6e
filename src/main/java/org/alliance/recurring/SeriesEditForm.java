package org.alliance.recurring;

import java.util.Locale;
import java.util.Optional;

import org.alliance.questions.QuestionSet;
import org.alliance.questions.QuestionSets;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackCallFailed;
import org.springframework.stereotype.Component;

/**
 * Opens the form to change a series. It needs the trigger within 3 seconds, so it opens before the
 * ack: two database reads and one Web API call.
 */
@Component
class SeriesEditForm {

    private final SeriesRepository series;
    private final QuestionSets questionSets;
    private final SlackApi api;

    SeriesEditForm(SeriesRepository series, QuestionSets questionSets, SlackApi api) {
        this.series = series;
        this.questionSets = questionSets;
        this.api = api;
    }

    /** Empty when {@code id} is no series; else what to tell the person, blank when the form opened. */
    Optional<String> open(String teamId, String id, String userId, String triggerId) {
        Optional<Series> found = series.find(teamId, id == null ? "" : id.strip().toUpperCase(Locale.ROOT));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Series s = found.get();
        Optional<String> refusal = refusal(s, userId);
        if (refusal.isPresent()) {
            return refusal;
        }
        String title = questionSets.find(teamId, s.purpose()).map(QuestionSet::title).orElse(s.purpose());
        String error;
        try {
            var response = api.call(teamId, "views.open", x -> x.viewsOpen(r -> r.triggerId(triggerId)
                    .view(SeriesEditModal.view(s, title, questionSets.all(teamId)))));
            error = response.isOk() ? null : response.getError();
        } catch (SlackCallFailed e) {
            error = e.getMessage();
        }
        return Optional.of(error == null ? ""
                : ":warning: I couldn't open the form (" + error + "). Please try again in a moment.");
    }

    /** Why this person may not change the series, if they may not. */
    static Optional<String> refusal(Series s, String userId) {
        if (!s.leaderId().equals(userId)) {
            return Optional.of("Only <@" + s.leaderId() + ">, who set up recurring check-in `" + s.id()
                    + "`, can change it.");
        }
        if (s.status() == SeriesStatus.STOPPED) {
            return Optional.of("Recurring check-in `" + s.id() + "` is stopped, so there is nothing to change.");
        }
        return Optional.empty();
    }
}
