package org.alliance.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.alliance.shared.ShortIds;
import org.alliance.slack.People;
import org.alliance.slack.SlackText;
import org.alliance.snooze.Snoozes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Changes a running check-in at its leader's word: who is asked and when it is due. The change
 * is checked and stored before the ack (only the database and the cached directory are read);
 * {@link EditAnnouncer} then tells everyone it concerns.
 */
@Service
class CheckInEditor {

    private static final Logger log = LoggerFactory.getLogger(CheckInEditor.class);
    /** A due time sooner than this would close the check-in before anyone could read the change. */
    static final Duration SOONEST_DUE = Duration.ofMinutes(5);

    /** What the leader asked for; {@code dueAt} null leaves the due time as it is. */
    record Change(List<String> add, List<String> remove, Instant dueAt) {
        Change {
            add = List.copyOf(add);
            remove = List.copyOf(remove);
        }
    }

    sealed interface Outcome {
        /** {@code field} is the form field the message belongs on (see {@link EditModal}). */
        record Refused(String field, String message) implements Outcome {
        }

        record Changed(CheckIn checkIn, List<String> added, List<String> away, List<Response> removed,
                       boolean dueMoved) implements Outcome {
        }
    }

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final CheckInSchedule schedule;
    private final People people;
    private final Snoozes snoozes;
    private final CheckInSettings settings;
    private final Clock clock;

    CheckInEditor(CheckInRepository checkIns, ResponseRepository responses, CheckInSchedule schedule, People people,
                  Snoozes snoozes, CheckInSettings settings, Clock clock) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.schedule = schedule;
        this.people = people;
        this.snoozes = snoozes;
        this.settings = settings;
        this.clock = clock;
    }

    /** The check-in {@code userId} may change, or why not, in words for them. */
    Optional<CheckIn> editable(String teamId, String checkInId, String userId, StringBuilder refusal) {
        Optional<CheckIn> found = checkIns.find(teamId, ShortIds.normalize(checkInId));
        if (found.isEmpty()) {
            refusal.append("I can't find a check-in with the id `").append(SlackText.echo(checkInId))
                    .append("`. `/alliance list` shows yours.");
        } else if (!found.get().leaderId().equals(userId)) {
            refusal.append("Only <@").append(found.get().leaderId()).append(">, who started check-in `")
                    .append(found.get().id()).append("`, can change it.");
        } else if (!found.get().isOpen()) {
            refusal.append("Check-in `").append(found.get().id()).append("` has already ")
                    .append(found.get().endedWord()).append(", so it can't be changed.");
        } else {
            return found;
        }
        return Optional.empty();
    }

    Outcome apply(String teamId, String checkInId, String userId, Change change) {
        StringBuilder refusal = new StringBuilder();
        Optional<CheckIn> found = editable(teamId, checkInId, userId, refusal);
        if (found.isEmpty()) {
            return new Outcome.Refused(null, refusal.toString());
        }
        CheckIn before = found.get();
        Instant now = clock.instant();
        List<String> added = change.add().stream().filter(u -> !before.isParticipant(u)).distinct().toList();
        for (String u : added) {
            Optional<People.Person> person = people.find(teamId, u);
            if (person.isEmpty() || person.get().bot() || person.get().deleted()) {
                return new Outcome.Refused(EditModal.ADD_BLOCK, "<@" + u + "> can't take part: "
                        + (person.isEmpty() ? "I can't find them." : person.get().bot() ? "it's an app, not a person."
                        : "their account is deactivated."));
            }
        }
        for (String u : change.remove()) {
            Optional<Response> r = responses.find(before.id(), u);
            if (r.isEmpty() || r.get().status() != ResponseStatus.PENDING) {
                return new Outcome.Refused(EditModal.REMOVE_BLOCK, "<@" + u + "> has already "
                        + (r.map(x -> x.status().name().toLowerCase()).orElse("left")) + ", so they stay in it.");
            }
        }
        Set<String> remaining = new LinkedHashSet<>(before.participants());
        change.remove().forEach(remaining::remove);
        remaining.addAll(added);
        if (remaining.isEmpty()) {
            return new Outcome.Refused(EditModal.REMOVE_BLOCK, "A check-in needs at least one person. To end it, "
                    + "use `/alliance stop " + before.id() + "`.");
        }
        if (remaining.size() > settings.maxParticipants()) {
            return new Outcome.Refused(EditModal.ADD_BLOCK, "That would be " + remaining.size()
                    + " people; a check-in can ask at most " + settings.maxParticipants() + ".");
        }
        // The picker shows the due time to the minute: what comes back unchanged is not a move.
        Instant dueAt = change.dueAt() == null
                || Duration.between(before.dueAt(), change.dueAt()).abs().compareTo(Duration.ofMinutes(1)) < 0
                ? before.dueAt() : change.dueAt();
        boolean dueMoved = !dueAt.equals(before.dueAt());
        if (dueMoved && dueAt.isBefore(now.plus(SOONEST_DUE))) {
            return new Outcome.Refused(EditModal.DUE_BLOCK, "Please pick a time at least "
                    + SOONEST_DUE.toMinutes() + " minutes from now.");
        }
        if (added.isEmpty() && change.remove().isEmpty() && !dueMoved) {
            return new Outcome.Refused(EditModal.ADD_BLOCK, "Nothing to change: add or take off someone, or pick a "
                    + "new due time.");
        }
        return store(before, before.changed(List.copyOf(remaining), dueAt), added, change.remove(), dueMoved, now);
    }

    private Outcome store(CheckIn before, CheckIn after, List<String> added, List<String> remove, boolean dueMoved,
                          Instant now) {
        List<Response> removed = new ArrayList<>();
        for (String u : remove) {
            Optional<Response> r = responses.find(before.id(), u);
            if (r.isPresent() && responses.deleteIfPending(before.id(), u)) {
                removed.add(r.get());
            } else {
                undo(before, removed, List.of());
                return new Outcome.Refused(EditModal.REMOVE_BLOCK, "<@" + u + "> has just answered, so they stay in it.");
            }
        }
        List<String> away = new ArrayList<>();
        List<Response> fresh = new ArrayList<>();
        for (String u : added) {
            Optional<Instant> until = snoozes.awayUntil(after.teamId(), u);
            until.ifPresent(x -> away.add(u));
            fresh.add(until.isPresent() ? Response.away(after.teamId(), after.id(), u, AwayReason.until(until.get()), now)
                    : Response.pending(after.teamId(), after.id(), u, now));
        }
        if (!fresh.isEmpty()) {
            responses.insertAll(fresh);
        }
        if (!checkIns.replaceIfOpen(after)) {
            undo(before, removed, added);
            return new Outcome.Refused(null, "Check-in `" + before.id() + "` has just ended, so it can't be changed.");
        }
        if (dueMoved) {
            schedule.dueMoved(after, responses.forCheckIn(after.id()));
        }
        log.info("Check-in {} changed by its leader: +{} -{}{}", after.id(), added.size(), removed.size(),
                dueMoved ? ", due " + after.dueAt() : "");
        return new Outcome.Changed(after, added, away, removed, dueMoved);
    }

    /** The check-in ended or someone answered meanwhile: the edit is taken back whole. */
    private void undo(CheckIn before, List<Response> removed, List<String> added) {
        added.forEach(u -> responses.delete(before.id(), u));
        if (!removed.isEmpty()) {
            responses.insertAll(removed);
        }
    }
}
