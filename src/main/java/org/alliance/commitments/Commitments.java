package org.alliance.commitments;

import org.alliance.slack.SlackText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.alliance.checkin.CheckIn;
import org.alliance.checkin.CheckInQueries;
import org.alliance.slack.People;
import org.alliance.checkin.Response;
import org.alliance.shared.ShortIds;
import org.alliance.shared.TimeZones;
import org.alliance.checkin.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.context.ApplicationEventPublisher;

import static org.alliance.slack.SlackText.escape;

/**
 * Commitments a leader makes after a check-in answer: who may make, close and rate them, and
 * what each side may see. A commitment is between the leader and that member only.
 */
@Service
class Commitments {

    private static final Logger log = LoggerFactory.getLogger(Commitments.class);
    /** Questions whose answers tell a leader what to commit to; shown beside the form. */
    private static final Pattern ASKS_FOR_HELP =
            Pattern.compile("help you|can i do|need from me", Pattern.CASE_INSENSITIVE);
    static final int LIST_LIMIT = 50;
    private static final int ID_ATTEMPTS = 10;

    private final CommitmentRepository repository;
    private final CheckInQueries checkIns;
    private final People people;
    private final CommitmentReminders reminders;
    private final ShortIds ids;
    private final TimeZones timeZones;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Commitments(CommitmentRepository repository, CheckInQueries checkIns, People people, CommitmentReminders reminders,
                ShortIds ids, TimeZones timeZones, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.checkIns = checkIns;
        this.people = people;
        this.reminders = reminders;
        this.ids = ids;
        this.timeZones = timeZones;
        this.events = events;
        this.clock = clock;
    }

    /** Commitments still open that a leader made after answers to {@code checkInId}, soonest due first. */
    public List<Commitment> openForCheckIn(String teamId, String checkInId) {
        return repository.openForCheckIn(teamId, checkInId);
    }

    Optional<Commitment> find(String teamId, String id) {
        return repository.find(teamId, id);
    }

    /** The open commitments {@code userId} made as a leader, and those made to them. */
    record Mine(List<Commitment> made, List<Commitment> toMe) {
    }

    Mine mine(String teamId, String userId) {
        return new Mine(repository.openByLeader(teamId, userId, LIST_LIMIT),
                repository.openForMember(teamId, userId, LIST_LIMIT));
    }

    FollowUp followUp(String teamId, String userId, String checkInId, String memberId) {
        Optional<CheckInQueries.Status> found = checkIns.status(teamId, checkInId, userId);
        Optional<String> refusal = refusal(found, checkInId, userId, memberId);
        if (refusal.isPresent()) {
            return new FollowUp.Refused(refusal.get());
        }
        CheckInQueries.Status status = found.get();
        CheckIn checkIn = status.checkIn();
        Optional<People.Person> member = person(teamId, memberId);
        return new FollowUp.Allowed(checkIn.id(), checkIn.title(), memberId,
                member.map(People.Person::name).orElse(null), today(teamId, userId),
                context(checkIn, status.answers(), memberId));
    }

    Submission submit(String teamId, String userId, String checkInId, String memberId, String text, LocalDate dueDate) {
        Optional<CheckInQueries.Status> found = checkIns.status(teamId, checkInId, userId);
        Optional<String> refusal = refusal(found, checkInId, userId, memberId);
        if (refusal.isPresent()) {
            return new Submission.Refused(refusal.get());
        }
        ZoneId zone = zone(teamId, userId);
        Map<Commitment.Field, String> problems = Commitment.problems(text, dueDate, LocalDate.ofInstant(clock.instant(), zone));
        if (!problems.isEmpty()) {
            return new Submission.Invalid(problems);
        }
        String realCheckInId = found.get().checkIn().id();
        for (int i = 0; i < ID_ATTEMPTS; i++) {
            Commitment c = Commitment.open(ids.next(), teamId, userId, memberId, realCheckInId, text, dueDate, zone,
                    clock.instant());
            if (repository.insert(c)) {
                List<Instant> planned = reminders.schedule(c);
                announce(c);
                log.info("Commitment {} made by {} to {} after check-in {}, due {}", c.id(), userId, memberId,
                        realCheckInId, c.dueAt());
                return new Submission.Created(c, planned);
            }
        }
        throw new IllegalStateException("no free commitment id after " + ID_ATTEMPTS + " tries");
    }

    Change markDone(String teamId, String userId, String id) {
        Optional<Commitment> found = repository.find(teamId, id);
        if (found.isEmpty()) {
            return new Change.Refused("I can't find that commitment any more.");
        }
        Commitment c = found.get();
        if (!c.leaderId().equals(userId)) {
            return new Change.Refused("Only <@" + c.leaderId() + "> can mark this commitment done.");
        }
        if (!c.isOpen()) {
            return new Change.Unchanged(c);
        }
        return repository.markDone(c.done(clock.instant())).map(this::announce).<Change>map(Change.Changed::new)
                .orElseGet(() -> new Change.Unchanged(repository.find(teamId, id).orElse(c)));
    }

    Change rate(String teamId, String userId, String id, Helped answer) {
        Optional<Commitment> found = repository.find(teamId, id);
        if (found.isEmpty()) {
            return new Change.Refused("I can't find that commitment any more.");
        }
        Commitment c = found.get();
        if (!c.memberId().equals(userId)) {
            return new Change.Refused("Only <@" + c.memberId() + "> can answer this.");
        }
        if (c.isOpen()) {
            return new Change.Refused("This commitment isn't marked done yet.");
        }
        if (c.helped() != null) {
            return new Change.Unchanged(c);
        }
        return repository.rate(c.rated(answer, clock.instant())).map(this::announce).<Change>map(Change.Changed::new)
                .orElseGet(() -> new Change.Unchanged(repository.find(teamId, id).orElse(c)));
    }

    /** Tells other modules; a listener's failure must not undo a change that is stored. */
    private Commitment announce(Commitment c) {
        try {
            events.publishEvent(new CommitmentChanged(c.teamId(), c.id(), c.leaderId(), c.memberId(), c.checkInId(),
                    clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Commitment {}: a listener failed: {}", c.id(), e.getMessage(), e);
        }
        return c;
    }

    /** Why {@code userId} may not commit to {@code memberId} on this check-in; empty when they may. */
    private static Optional<String> refusal(Optional<CheckInQueries.Status> found, String typedId, String userId,
                                            String memberId) {
        if (found.isEmpty()) {
            return Optional.of("I can't find the check-in `" + SlackText.echo(typedId) + "` any more.");
        }
        CheckIn c = found.get().checkIn();
        if (!c.leaderId().equals(userId)) {
            return Optional.of("Only <@" + c.leaderId() + "> can follow up answers to check-in `" + c.id()
                    + "`: a commitment is between them and the person who answered.");
        }
        if (c.visibility() == Visibility.ANONYMOUS) {
            // The button is never shown there; a crafted click must not tie an answer to a name either.
            return Optional.of("Check-in `" + c.id() + "` is anonymous, so its answers can't be followed up one by one.");
        }
        if (!c.isParticipant(memberId)) {
            return Optional.of("<@" + escape(memberId) + "> wasn't asked in check-in `" + c.id()
                    + "`, so there is no answer of theirs to follow up.");
        }
        return Optional.empty();
    }

    private static List<FollowUp.Said> context(CheckIn checkIn, List<Response> answers, String memberId) {
        return answers.stream().filter(r -> r.userId().equals(memberId)).findFirst()
                .map(r -> r.orderedAnswers(checkIn).entrySet().stream()
                        .flatMap(a -> checkIn.question(a.getKey()).stream()
                                .filter(q -> ASKS_FOR_HELP.matcher(q.text()).find())
                                .map(q -> new FollowUp.Said(q.text(), a.getValue())))
                        .toList())
                .orElse(List.of());
    }

    private LocalDate today(String teamId, String userId) {
        return LocalDate.ofInstant(clock.instant(), zone(teamId, userId));
    }

    private ZoneId zone(String teamId, String userId) {
        return timeZones.of(teamId, userId);
    }

    private Optional<People.Person> person(String teamId, String userId) {
        try {
            return people.find(teamId, userId);
        } catch (RuntimeException e) {
            // A name or time zone is a nicety: Slack being unreachable must not block a commitment.
            log.warn("Could not look up {} in team {}: {}", userId, teamId, e.getMessage());
            return Optional.empty();
        }
    }
}
