package org.alliance.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.alliance.questions.Question;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(EarlierAnswers.class);

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;

    EarlierAnswers(CheckInRepository checkIns, ResponseRepository responses) {
        this.checkIns = checkIns;
        this.responses = responses;
    }

    /**
     * For the leader's own copy of an answer: a thread shows only what was shared in it, so a step shared
     * in its thread gets none. Without them the answer still goes out.
     */
    List<Earlier> forLeaderCopy(CheckIn checkIn, Response response) {
        if (checkIn.visibility() != Visibility.LEADER || checkIn.earlierCheckInIds().isEmpty()) {
            return List.of();
        }
        try {
            return of(checkIn, response.userId());
        } catch (RuntimeException e) {
            log.warn("Check-in {}: could not read the earlier answers of {}: {}", checkIn.id(), response.userId(),
                    e.getMessage());
            return List.of();
        }
    }

    /**
     * For the leader's end summary of a step shared in its thread, where the leader has no copy of each
     * answer of their own; a leader-only step's copies already carry them.
     */
    Map<String, List<Earlier>> forSummary(CheckIn checkIn, List<Response> responses) {
        if (checkIn.visibility() != Visibility.THREAD || checkIn.earlierCheckInIds().isEmpty()) {
            return Map.of();
        }
        try {
            return ofEveryone(checkIn, responses);
        } catch (RuntimeException e) {
            log.warn("Check-in {}: could not read earlier answers for the summary: {}", checkIn.id(), e.getMessage());
            return Map.of();
        }
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

    /** For the leader's end summary: each person who answered this step, with their earlier answers. */
    private Map<String, List<Earlier>> ofEveryone(CheckIn checkIn, List<Response> responses) {
        Map<String, List<Earlier>> byPerson = new java.util.LinkedHashMap<>();
        for (Response r : responses) {
            if (r.status() == ResponseStatus.ANSWERED) {
                List<Earlier> earlier = of(checkIn, r.userId());
                if (!earlier.isEmpty()) {
                    byPerson.put(r.userId(), earlier);
                }
            }
        }
        return byPerson;
    }

    /** A compact "Earlier in this playbook" part: each step's title and date, and each answer cut short. */
    static void render(Out b, List<Earlier> earlier) {
        if (earlier.isEmpty()) {
            return;
        }
        b.divider();
        b.section("*Earlier in this playbook*");
        steps(b, earlier, "");
    }

    /** The same for everyone who answered, each under their name. */
    static void render(Out b, Map<String, List<Earlier>> byPerson) {
        if (byPerson.isEmpty()) {
            return;
        }
        b.divider();
        b.section("*Earlier in this playbook*, from the people who answered this step:");
        byPerson.forEach((userId, earlier) -> steps(b, earlier, MessageParts.mention(userId) + ", "));
    }

    private static void steps(Out b, List<Earlier> earlier, String who) {
        for (Earlier e : earlier) {
            StringBuilder text = new StringBuilder(who).append("_").append(SlackText.escape(e.checkIn().title())).append("_, ")
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
