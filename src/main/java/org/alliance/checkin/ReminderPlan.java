package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.WorkingHours;
import org.alliance.shared.TimeZones;
import org.alliance.slack.People;
import org.alliance.snooze.Snoozes;
import org.springframework.stereotype.Component;

/**
 * When a reminder really goes: the one decision that {@link ReminderJob} acts on and that
 * {@code /alliance status} shows, so the leader never sees a reminder that will move or never go.
 * A reminder keeps its distance from the same person's earlier one, waits for their working hours
 * (in their own zone), and is dropped when no working time is left before the check-in is due.
 */
@Component
class ReminderPlan {

    private final CheckInSchedule schedule;
    private final WorkingHours workingHours;
    private final TimeZones timeZones;
    private final Snoozes snoozes;
    private final ReminderSettings settings;
    private final Clock clock;
    private final People people;

    ReminderPlan(CheckInSchedule schedule, WorkingHours workingHours, TimeZones timeZones, Snoozes snoozes,
                 ReminderSettings settings, Clock clock, People people) {
        this.people = people;
        this.schedule = schedule;
        this.workingHours = workingHours;
        this.timeZones = timeZones;
        this.snoozes = snoozes;
        this.settings = settings;
        this.clock = clock;
    }

    /** Where reminder {@code n} of a person stands when its job runs at {@code runAt}. */
    sealed interface Decision {
        /** Goes at {@code at}; {@code afterEarlier} when it waits for an earlier reminder rather than working hours. */
        record Goes(Instant at, boolean afterEarlier) implements Decision {
        }

        record Never(String why) implements Decision {
        }
    }

    Decision decide(CheckIn checkIn, String userId, int n, Instant runAt) {
        // Reminders of a large check-in come due together, often after the directory's cache has expired.
        people.prefetch(checkIn.teamId(), checkIn.participants());
        return decide(checkIn, userId, schedule.notBeforeReminder(checkIn.id(), userId, n, runAt), runAt);
    }

    private Decision decide(CheckIn checkIn, String userId, Instant earliest, Instant runAt) {
        if (!runAt.isBefore(checkIn.dueAt())) {
            // Overdue work (the poller was behind): the check-in is closing, a reminder would only confuse.
            return new Decision.Never(checkIn.id() + " is already due");
        }
        Instant allowed = workingHours.nextAllowed(earliest, timeZones.of(checkIn.teamId(), userId));
        return allowed.isBefore(checkIn.dueAt()) ? new Decision.Goes(allowed, earliest.isAfter(runAt))
                : new Decision.Never("no working hours of " + userId + " left before " + checkIn.id() + " is due");
    }

    /**
     * The reminders still to go to the people who have yet to answer, at the times they will
     * really go, earliest first. Each job is decided as it will be when it runs: at its time, or
     * now if that has passed, after the real time of the same person's reminder before it.
     */
    List<CheckInQueries.Upcoming> upcoming(CheckIn checkIn, List<Response> responses) {
        if (!checkIn.isOpen()) {
            return List.of();
        }
        Instant now = clock.instant();
        people.prefetch(checkIn.teamId(), checkIn.participants());
        List<CheckInQueries.Upcoming> out = new ArrayList<>();
        List<Job<ReminderJobData>> jobs = schedule.upcomingReminders(checkIn.id()).stream()
                .sorted(Comparator.comparingInt(j -> j.payload().n())).toList();
        for (Response r : responses) {
            // Answered, skipped or never invited: the job would only be skipped.
            if (r.status() != ResponseStatus.PENDING || r.dmTs() == null) {
                continue;
            }
            Optional<Instant> awayUntil = snoozes.awayUntil(checkIn.teamId(), r.userId());
            Instant previous = null;
            for (Job<ReminderJobData> job : jobs) {
                if (!r.userId().equals(job.payload().userId())) {
                    continue;
                }
                Instant runAt = job.dueAt().isAfter(now) ? job.dueAt() : now;
                Instant earliest = schedule.notBeforeReminder(checkIn.id(), r.userId(), job.payload().n(), runAt);
                if (previous != null && previous.plus(settings.every()).isAfter(earliest)) {
                    earliest = previous.plus(settings.every());
                }
                if (!(decide(checkIn, r.userId(), earliest, runAt) instanceof Decision.Goes goes)) {
                    break; // and every later one of theirs comes later still
                }
                // Someone away when their reminder's job runs is skipped by it, for good.
                if (awayUntil.isEmpty() || !awayUntil.get().isAfter(runAt)) {
                    out.add(new CheckInQueries.Upcoming(r.userId(), goes.at()));
                    previous = goes.at();
                }
            }
        }
        out.sort(Comparator.comparing(CheckInQueries.Upcoming::at).thenComparing(CheckInQueries.Upcoming::userId));
        return out;
    }
}
