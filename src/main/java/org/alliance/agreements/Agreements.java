package org.alliance.agreements;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.alliance.checkin.AnswerLoop;
import org.alliance.checkin.CheckIn;
import org.alliance.checkin.Visibility;
import org.alliance.slack.SlackDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Who may propose, confirm, question and review an agreement, and the changes themselves. Every
 * change is read, decided by {@link Agreement} and stored only over what was read, so two clicks
 * at once decide once. An agreement is between its leader and its person: anyone else is refused
 * without being told whose it is.
 */
@Service
class Agreements {

    private static final Logger log = LoggerFactory.getLogger(Agreements.class);
    static final String NOT_YOURS = "Sorry, that agreement isn't yours to see or answer.";
    static final String FROM_ANSWER_REFUSED = "Only the leader of that check-in can make an agreement from this "
            + "answer, and only once the person has answered (never from an anonymous check-in).";
    private static final int ATTEMPTS = 5;

    private final AgreementRepository repository;
    private final AnswerLoop answers;
    private final AgreementSettings settings;
    private final Clock clock;

    Agreements(AgreementRepository repository, AnswerLoop answers, AgreementSettings settings, Clock clock) {
        this.repository = repository;
        this.answers = answers;
        this.settings = settings;
        this.clock = clock;
    }

    /** The agreement between the pair, only when {@code viewerId} is one of the two. */
    Optional<Agreement> visibleTo(String teamId, String viewerId, String leaderId, String memberId) {
        return repository.find(teamId, leaderId, memberId).filter(a -> a.involves(viewerId));
    }

    List<Agreement> ofMember(String teamId, String memberId) {
        return repository.ofMember(teamId, memberId);
    }

    /** The form for the "Make an agreement" button under one answer ({@code checkInId:userId}). */
    Outcome fromAnswer(String teamId, String userId, String responseId) {
        Optional<AnswerLoop.Answer> answer = answer(teamId, responseId, userId);
        if (answer.isEmpty()) {
            return new Outcome.Refused(FROM_ANSWER_REFUSED);
        }
        CheckIn checkIn = answer.get().checkIn();
        String memberId = answer.get().response().userId();
        List<Outcome.Said> said = said(answer.get());
        Optional<Agreement.Version> existing = repository.find(teamId, userId, memberId).flatMap(Agreement::latest);
        String prefill = existing.map(v -> String.join("\n", v.points()))
                .orElseGet(() -> said.stream().map(s -> oneLine(s.question()) + ": " + oneLine(s.answer()))
                        .collect(Collectors.joining("\n")));
        return new Outcome.Draft(memberId, checkIn.id(), prefill, existing.isPresent() ? said : List.of(), null);
    }

    /** The form again, from version {@code number}'s points, answering the person's suggestion if they made one. */
    Outcome revise(String teamId, String userId, String leaderId, String memberId, int number) {
        Optional<Agreement> found = visibleTo(teamId, userId, leaderId, memberId);
        if (found.isEmpty()) {
            return new Outcome.Refused(NOT_YOURS);
        }
        if (!leaderId.equals(userId)) {
            return new Outcome.Refused("Only <@" + leaderId + "> can revise this agreement.");
        }
        Optional<Agreement.Version> from = found.get().version(number).or(() -> found.get().latest());
        if (from.isEmpty()) {
            return new Outcome.Refused("There is nothing to revise yet.");
        }
        return new Outcome.Draft(memberId, null, String.join("\n", from.get().points()), List.of(),
                from.get().suggestion());
    }

    /** The leader sends the typed points as a new version waiting for the person. */
    Outcome propose(String teamId, String userId, String memberId, String checkInId, String text) {
        boolean allowed = checkInId == null
                ? repository.find(teamId, userId, memberId).isPresent()
                : answer(teamId, checkInId + ":" + memberId, userId).isPresent();
        if (!allowed) {
            return new Outcome.Refused(checkInId == null ? NOT_YOURS : FROM_ANSWER_REFUSED);
        }
        Optional<String> problem = Points.problem(text);
        if (problem.isPresent()) {
            return new Outcome.Invalid(problem.get());
        }
        List<String> points = Points.parse(text);
        return change(teamId, userId, memberId, found -> {
            Agreement proposed = found.orElseGet(() -> Agreement.between(teamId, userId, memberId))
                    .propose(points, checkInId, clock.instant());
            return new Outcome.Changed(proposed, proposed.pending().orElseThrow());
        });
    }

    Outcome confirm(String teamId, String userId, String leaderId, String memberId, int number) {
        return change(teamId, leaderId, memberId, found -> waiting(found, userId, number).orElseGet(() -> {
            Agreement confirmed = found.get().confirm(number, clock.instant(), settings.reviewEvery());
            return new Outcome.Changed(confirmed, confirmed.current().orElseThrow());
        }));
    }

    Outcome suggest(String teamId, String userId, String leaderId, String memberId, int number, String text) {
        Optional<String> problem = Points.suggestionProblem(text);
        if (problem.isPresent()) {
            return new Outcome.Invalid(problem.get());
        }
        return change(teamId, leaderId, memberId, found -> waiting(found, userId, number).orElseGet(() -> {
            Agreement suggested = found.get().suggest(number, text, clock.instant());
            return new Outcome.Changed(suggested, suggested.version(number).orElseThrow());
        }));
    }

    /** A review's "Still holds": the review due at {@code reviewAt} is answered once, by whoever is first. */
    Outcome stillHolds(String teamId, String userId, String leaderId, String memberId, long reviewAt) {
        return change(teamId, leaderId, memberId, found -> {
            if (found.isEmpty() || !found.get().involves(userId)) {
                return new Outcome.Refused(NOT_YOURS);
            }
            Agreement a = found.get();
            if (a.current().isEmpty()) {
                return new Outcome.Unchanged("There is no confirmed agreement to review any more.");
            }
            if (a.reviewAt() == null || a.reviewAt().getEpochSecond() != reviewAt) {
                return new Outcome.Unchanged("This review has already been answered"
                        + (a.reviewAt() == null ? "." : ": the next one is on " + SlackDates.date(a.reviewAt()) + "."));
            }
            Agreement held = a.stillHolds(clock.instant(), settings.reviewEvery());
            return new Outcome.Changed(held, held.current().orElseThrow());
        });
    }

    /** Why the person may not answer version {@code number}; empty when it is waiting for them. */
    private static Optional<Outcome> waiting(Optional<Agreement> found, String userId, int number) {
        if (found.isEmpty() || !found.get().involves(userId)) {
            return Optional.of(new Outcome.Refused(NOT_YOURS));
        }
        Agreement a = found.get();
        if (!a.memberId().equals(userId)) {
            return Optional.of(new Outcome.Refused("Only <@" + a.memberId() + "> can answer this agreement."));
        }
        Optional<Agreement.Version> version = a.version(number);
        if (version.isEmpty()) {
            return Optional.of(new Outcome.Refused("I can't find that version of the agreement."));
        }
        Agreement.Version v = version.get();
        if (v.wasConfirmed()) {
            return Optional.of(new Outcome.Unchanged("You already confirmed this version on "
                    + SlackDates.date(v.confirmedAt()) + "."));
        }
        if (v.status() == Agreement.Status.SUPERSEDED) {
            return Optional.of(new Outcome.Unchanged("This version was replaced by a newer one from <@"
                    + a.leaderId() + ">: please answer the latest message instead."));
        }
        return Optional.empty();
    }

    /** Version {@code number} when it is waiting for {@code userId} to answer it; read only. */
    Outcome toAnswer(String teamId, String userId, String leaderId, String memberId, int number) {
        Optional<Agreement> found = repository.find(teamId, leaderId, memberId);
        return waiting(found, userId, number)
                .orElseGet(() -> new Outcome.Changed(found.get(), found.get().version(number).orElseThrow()));
    }

    /** Reads, decides and stores over what was read; a lost race reads again and decides afresh. */
    private Outcome change(String teamId, String leaderId, String memberId,
                           Function<Optional<Agreement>, Outcome> decide) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Outcome outcome = decide.apply(repository.find(teamId, leaderId, memberId));
            if (!(outcome instanceof Outcome.Changed changed)) {
                return outcome;
            }
            if (repository.store(changed.agreement())) {
                log.info("Agreement {}:{} in {} is now at revision {} (version {} {})", leaderId, memberId, teamId,
                        changed.agreement().revision(), changed.version().number(), changed.version().status());
                return outcome;
            }
        }
        throw new IllegalStateException("agreement of " + leaderId + " and " + memberId + " kept changing under us");
    }

    /** The answer behind a button, never one from an anonymous check-in: that would tie it to a name. */
    private Optional<AnswerLoop.Answer> answer(String teamId, String responseId, String userId) {
        return answers.forLeader(teamId, responseId, userId)
                .filter(a -> a.checkIn().visibility() != Visibility.ANONYMOUS)
                .filter(a -> !a.response().userId().equals(userId));
    }

    private static List<Outcome.Said> said(AnswerLoop.Answer answer) {
        List<Outcome.Said> said = new ArrayList<>();
        for (Map.Entry<String, String> a : answer.response().orderedAnswers(answer.checkIn()).entrySet()) {
            answer.checkIn().question(a.getKey())
                    .ifPresent(q -> said.add(new Outcome.Said(q.text(), q.shown(a.getValue()))));
        }
        return said;
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

}
