package org.alliance.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.alliance.questions.Question;
import org.alliance.questions.QuestionSet;
import org.alliance.questions.QuestionSets;
import org.alliance.shared.TimeZones;
import org.alliance.slack.SlackText;
import org.alliance.snooze.Snoozes;
import org.springframework.stereotype.Component;

/**
 * Works out a start before anything is written: the questions, the people, when each is invited
 * and when answers are due. Every refusal happens here, so a refused start leaves nothing behind.
 */
@Component
class StartPlanner {

    private static final int MAX_CUSTOM_QUESTIONS = 10;

    /** A plan to launch, or why the request can't start. */
    sealed interface Planned {
    }

    record Ready(StartPlan plan) implements Planned {
    }

    record Refused(String message) implements Planned {
    }

    private final QuestionSets questionSets;
    private final Participants participants;
    private final CheckInSettings settings;
    private final Snoozes snoozes;
    private final TimeZones timeZones;
    private final Clock clock;

    StartPlanner(QuestionSets questionSets, Participants participants, CheckInSettings settings, Snoozes snoozes,
                 TimeZones timeZones, Clock clock) {
        this.questionSets = questionSets;
        this.participants = participants;
        this.settings = settings;
        this.snoozes = snoozes;
        this.timeZones = timeZones;
        this.clock = clock;
    }

    /**
     * @param roundTime for a round of a recurring check-in, the local time each person is invited at
     *                  (in their own time zone); null invites everyone now
     * @param round     the round's number, shown in the title; 0 for a one-off check-in
     */
    Planned plan(StartRequest request, LocalDateTime roundTime, int round) {
        return plan(request, roundTime, round, null);
    }

    /** @param step the playbook step the check-in is; null for one on its own */
    Planned plan(StartRequest request, LocalDateTime roundTime, int round, StartPlan.Step step) {
        Instant now = clock.instant();
        if (roundTime == null && request.dueAt() != null && !request.dueAt().isAfter(now)) {
            return new Refused("The due time must be in the future.");
        }
        Checked checked = check(request);
        if (checked.refusal() != null) {
            return new Refused(checked.refusal());
        }
        Map<String, Instant> inviteAt = new HashMap<>();
        Map<String, Instant> away = snoozes.awayUntil(request.teamId(), checked.participants());
        for (String userId : checked.participants()) {
            Instant local = roundTime == null ? now
                    : roundTime.atZone(timeZones.of(request.teamId(), userId)).toInstant();
            inviteAt.put(userId, local.isAfter(now) ? local : now);
        }
        Instant lastInvite = inviteAt.values().stream().max(Instant::compareTo).orElse(now);
        Duration open = request.dueIn() != null ? request.dueIn() : settings.defaultDue();
        Instant dueAt = roundTime == null && request.dueAt() != null ? request.dueAt() : lastInvite.plus(open);
        QuestionSet set = checked.set();
        if (round > 0) {
            set = new QuestionSet(set.key(), set.title() + " (round " + round + ")", set.objective(), set.questions());
        }
        String objective = request.objective() == null || request.objective().isBlank()
                ? set.objective() : request.objective().strip();
        Visibility visibility = request.visibility() == null ? Visibility.LEADER : request.visibility();
        return new Ready(new StartPlan(request, set, objective, visibility, checked.participants(), inviteAt, away,
                dueAt, settings.anonymousThreshold(), now, step));
    }

    /** Why the request would be refused, without planning it; empty when it would start. */
    Optional<String> refusal(StartRequest request) {
        return Optional.ofNullable(check(request).refusal());
    }

    /** Who the request would ask; empty when it would be refused. */
    List<String> participantsOf(StartRequest request) {
        return participants.choose(request).ids();
    }

    private record Checked(QuestionSet set, List<String> participants, String refusal) {

        static Checked refused(String refusal) {
            return new Checked(null, List.of(), refusal);
        }
    }

    private Checked check(StartRequest request) {
        Optional<QuestionSet> set = questionSet(request);
        if (set.isEmpty()) {
            return Checked.refused(QuestionSets.CUSTOM.equals(request.purpose())
                    ? "Please write at least one question of your own (one per line)."
                    : "I don't know the purpose `" + SlackText.echo(request.purpose()) + "`: no built-in purpose "
                            + "or saved question set has that key. Choose one of: "
                            + String.join(", ", questionSets.keys(request.teamId()).stream().map(k -> "`" + k + "`").toList())
                            + ". Type `/alliance templates` to see their questions.");
        }
        if (request.channelId() == null || request.channelId().isBlank()) {
            return Checked.refused("Please choose the channel whose thread will hold the check-in.");
        }
        Participants.Chosen chosen = participants.choose(request);
        return new Checked(set.get(), chosen.ids(), chosen.refusal());
    }

    private Optional<QuestionSet> questionSet(StartRequest request) {
        if (!QuestionSets.CUSTOM.equals(request.purpose())) {
            return questionSets.find(request.teamId(), request.purpose());
        }
        List<Question> questions = new ArrayList<>();
        for (String line : request.customQuestions()) {
            if (!line.isBlank() && questions.size() < MAX_CUSTOM_QUESTIONS) {
                questions.add(Question.text("q" + (questions.size() + 1), line.strip()));
            }
        }
        return questions.isEmpty() ? Optional.empty()
                : Optional.of(new QuestionSet(QuestionSets.CUSTOM, "Your own questions", "", questions));
    }
}
