package org.alliance.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.alliance.questions.Question;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;
import org.springframework.stereotype.Component;

/**
 * A person's answers to the earlier steps of a playbook, for its leader's copy of their new answer. Only
 * what the leader was already shown comes back: never from an anonymous step, never from another leader's.
 */
@Component
class EarlierAnswers {

    /** One earlier step and what the person answered in it. */
    record Earlier(CheckIn checkIn, Response response) {
    }

    static final int MAX_ANSWER = 300;

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;

    EarlierAnswers(CheckInRepository checkIns, ResponseRepository responses) {
        this.checkIns = checkIns;
        this.responses = responses;
    }

    /** Oldest first; empty for a check-in that is no later step of a playbook. */
    List<Earlier> of(CheckIn checkIn, String userId) {
        if (checkIn.earlierCheckInIds().isEmpty() || checkIn.visibility() == Visibility.ANONYMOUS) {
            return List.of();
        }
        Map<String, CheckIn> byId = checkIns.findAll(checkIn.teamId(), checkIn.earlierCheckInIds()).stream()
                .filter(c -> c.leaderId().equals(checkIn.leaderId()) && c.visibility() != Visibility.ANONYMOUS)
                .collect(Collectors.toMap(CheckIn::id, Function.identity()));
        if (byId.isEmpty()) {
            return List.of();
        }
        Map<String, Response> answered = responses.ofUserIn(userId, byId.keySet()).stream()
                .filter(r -> r.status() == ResponseStatus.ANSWERED)
                .collect(Collectors.toMap(Response::checkInId, Function.identity()));
        List<Earlier> earlier = new ArrayList<>();
        for (String id : checkIn.earlierCheckInIds()) {
            if (byId.containsKey(id) && answered.containsKey(id)) {
                earlier.add(new Earlier(byId.get(id), answered.get(id)));
            }
        }
        return earlier;
    }

    /** A compact "Earlier in this playbook" part: each step's title and date, and each answer cut short. */
    static void render(Out b, List<Earlier> earlier) {
        if (earlier.isEmpty()) {
            return;
        }
        b.divider();
        b.section("*Earlier in this playbook*");
        for (Earlier e : earlier) {
            StringBuilder text = new StringBuilder("_").append(SlackText.escape(e.checkIn().title())).append("_, ")
                    .append(SlackDates.date(e.checkIn().createdAt()));
            Map<String, String> answers = e.response().orderedAnswers(e.checkIn());
            answers.forEach((questionId, answer) -> e.checkIn().question(questionId).ifPresent(q ->
                    text.append("\n• ").append(SlackText.escape(q.text())).append(": ").append(shown(q, answer))));
            b.section(text.toString());
        }
    }

    private static String shown(Question q, String answer) {
        String oneLine = q.shown(answer).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return "“" + SlackText.escape(SlackText.truncate(oneLine, MAX_ANSWER)) + "”";
    }
}
