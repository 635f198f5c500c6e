package org.alliance.checkin;

import java.time.Clock;
import java.util.List;

import com.slack.api.model.view.View;
import org.alliance.questions.QuestionSets;
import org.springframework.stereotype.Component;
import org.alliance.slack.People;

/** The start modal as it should open (or redraw) for a workspace: its purposes, groups and defaults. */
@Component
class StartForm {

    private final QuestionSets questionSets;
    private final CheckInSettings settings;
    private final People people;
    private final Clock clock;

    StartForm(QuestionSets questionSets, CheckInSettings settings, People people, Clock clock) {
        this.questionSets = questionSets;
        this.settings = settings;
        this.people = people;
        this.clock = clock;
    }

    /** @param purpose the purpose to show selected; null selects the first */
    View view(String teamId, String purpose, String channelId) {
        return view(teamId, purpose, channelId, List.of());
    }

    /** @param initialUsers people already chosen (Check in with someone); empty for none */
    View view(String teamId, String purpose, String channelId, List<String> initialUsers) {
        return StartModal.view(questionSets.all(teamId), purpose, channelId,
                clock.instant().plus(settings.defaultDue()), Visibility.LEADER, settings.anonymousThreshold(),
                people.userGroups(teamId), initialUsers);
    }
}
