package org.alliance.checkin;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.alliance.questions.Question;
import org.alliance.shared.ShortIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Check-ins with their answers as one person may see them, for exports. The privacy rules are
 * the ones everywhere else: a leader sees the answers of check-ins they lead unless anonymous;
 * anonymous answers (a whole anonymous check-in, or questions marked anonymous in the others) are
 * never tied to anyone, and only once the check-in ended with enough answers; everyone sees their
 * own answers. Every query is served by an index: check-ins by
 * {@code _id}, responses by {@code (checkInId, userId)} or {@code (teamId, userId, status)}.
 */
@Service
public class CheckInExports {

    /** One answer; {@code number} is the question's place in its check-in, from 1. */
    public record Answer(int number, String question, String text) {
    }

    /**
     * One person's part in a check-in. For an anonymous answer {@code userId}, {@code answeredAt}
     * and {@code skipReason} are null. {@code withheld} says answers exist but are not to be shown.
     */
    public record Part(String userId, String status, String skipReason, Instant answeredAt, List<Answer> answers,
                       boolean withheld) {
    }

    /** A check-in, its status in a word ("open", "completed", "closed", "stopped"), and the parts shown. */
    public record Sheet(CheckIn checkIn, String status, List<Part> parts) {
    }

    /** The answer to "export this check-in". */
    public sealed interface Single {
    }

    public record NotFound() implements Single {
    }

    public record NotLeader(CheckIn checkIn) implements Single {
    }

    /** Anonymous, and still open or answered by fewer than its threshold: nothing may be exported. */
    public record Withheld(CheckIn checkIn, int answered) implements Single {
    }

    public record Found(Sheet sheet) implements Single {
    }

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final Random random;

    @Autowired
    CheckInExports(CheckInRepository checkIns, ResponseRepository responses) {
        this(checkIns, responses, new SecureRandom());
    }

    CheckInExports(CheckInRepository checkIns, ResponseRepository responses, Random random) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.random = random;
    }

    /** A check-in {@code viewerId} leads, with every answer they may see. */
    public Single checkIn(String teamId, String typedId, String viewerId) {
        Optional<CheckIn> found = checkIns.find(teamId, ShortIds.normalize(typedId));
        if (found.isEmpty()) {
            return new NotFound();
        }
        CheckIn c = found.get();
        if (!c.leaderId().equals(viewerId)) {
            return new NotLeader(c);
        }
        List<Response> all = responses.forCheckIn(c.id());
        List<Response> answered = all.stream().filter(r -> r.status() == ResponseStatus.ANSWERED).toList();
        if (c.visibility() != Visibility.ANONYMOUS) {
            List<Part> parts = new ArrayList<>(all.stream().map(r -> part(c, r, false)).toList());
            if (!c.isOpen()) {
                // Anonymous questions as the end summary showed them: apart from every name, and only
                // the ones enough people answered.
                List<Question> shown = AnonymousQuestionsMessage.shown(c, all);
                parts.addAll(anonymousParts(c, answered, shown::contains));
            }
            return new Found(new Sheet(c, statusWord(c), parts));
        }
        if (c.isOpen() || answered.size() < c.anonymousThreshold()) {
            return new Withheld(c, answered.size());
        }
        return new Found(new Sheet(c, statusWord(c), anonymousParts(c, answered, q -> true)));
    }

    /** Every check-in {@code leaderId} led that asked {@code personId}, oldest first. */
    public List<Sheet> between(String teamId, String leaderId, String personId) {
        return sheetsOf(teamId, personId, c -> c.leaderId().equals(leaderId), (c, r) ->
                c.visibility() == Visibility.ANONYMOUS ? attributedStatusOnly(r) : part(c, r, false));
    }

    /** Every check-in that asked {@code userId}, with their own answers, oldest first. */
    public List<Sheet> answeredBy(String teamId, String userId) {
        return sheetsOf(teamId, userId, c -> true, (c, r) -> part(c, r, true));
    }

    private List<Sheet> sheetsOf(String teamId, String userId, Predicate<CheckIn> keep,
                                 BiFunction<CheckIn, Response, Part> show) {
        Map<String, Response> byCheckIn = responses.forUser(teamId, userId).stream()
                .collect(Collectors.toMap(Response::checkInId, Function.identity(), (a, b) -> a));
        if (byCheckIn.isEmpty()) {
            return List.of();
        }
        return checkIns.findAll(teamId, byCheckIn.keySet()).stream().filter(keep)
                .sorted(Comparator.comparing(CheckIn::createdAt).thenComparing(CheckIn::id))
                .map(c -> new Sheet(c, statusWord(c), List.of(show.apply(c, byCheckIn.get(c.id()))))).toList();
    }

    /** A part under its author's name: answers to anonymous questions only when the author is the reader. */
    private Part part(CheckIn c, Response r, boolean own) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < c.questions().size(); i++) {
            Question q = c.questions().get(i);
            String a = r.answers().get(q.id());
            if (a != null && !a.isBlank() && (own || !q.isAnonymous())) {
                answers.add(new Answer(i + 1, q.text(), q.shown(a)));
            }
        }
        return new Part(r.userId(), statusWord(r), r.skipReason(), r.answeredAt(), answers, false);
    }

    /** Who took part is the leader's to see, even when anonymous; what they said and typed is not. */
    private static Part attributedStatusOnly(Response r) {
        // "Away until …" is written by the bot, not typed by the person: safe in every visibility.
        String reason = AwayReason.isAway(r.skipReason()) ? r.skipReason() : null;
        return new Part(r.userId(), statusWord(r), reason, null, List.of(), r.status() == ResponseStatus.ANSWERED);
    }

    /**
     * One part per answer, grouped by question, each question's answers shuffled on their own as
     * in the anonymous summary: no row, order or time ties two answers to one person.
     */
    private List<Part> anonymousParts(CheckIn c, List<Response> answered, Predicate<Question> include) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < c.questions().size(); i++) {
            Question q = c.questions().get(i);
            if (!include.test(q)) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            for (Response r : answered) {
                String a = r.answers().get(q.id());
                if (a != null && !a.isBlank()) {
                    texts.add(a);
                }
            }
            Collections.shuffle(texts, random);
            for (String text : texts) {
                parts.add(new Part(null, statusWord(ResponseStatus.ANSWERED), null, null,
                        List.of(new Answer(i + 1, q.text(), q.shown(text))), false));
            }
        }
        return parts;
    }

    private static String statusWord(CheckIn c) {
        return c.status().name().toLowerCase(Locale.ROOT);
    }

    private static String statusWord(Response r) {
        return statusWord(r.status());
    }

    private static String statusWord(ResponseStatus s) {
        return s == ResponseStatus.PENDING ? "waiting" : s.name().toLowerCase(Locale.ROOT);
    }
}
