package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.springframework.stereotype.Service;

/**
 * The work a check-in leaves for later, stored durably: its deadline, a few reminders per
 * person (relative to when each was invited) and, once it ends, the leader's follow-up.
 */
@Service
class CheckInSchedule {

    // The names are stored with every job: jobs already waiting in a database find their handler by them.
    static final JobKind<ReminderJobData> REMIND = new JobKind<>("checkin.remind", ReminderJobData.class);
    static final JobKind<CheckInJobData> CLOSE = new JobKind<>("checkin.close", CheckInJobData.class);
    static final JobKind<CheckInJobData> FOLLOW_UP = new JobKind<>("checkin.followup", CheckInJobData.class);
    static final JobKind<InviteJobData> INVITE = new JobKind<>("checkin.invite", InviteJobData.class);

    private final Schedule schedule;
    private final ReminderSettings reminders;
    private final FollowUpSettings followUp;

    CheckInSchedule(Schedule schedule, ReminderSettings reminders, FollowUpSettings followUp) {
        this.schedule = schedule;
        this.reminders = reminders;
        this.followUp = followUp;
    }

    void started(CheckIn checkIn) {
        schedule.add(new Job<>(CLOSE.key(checkIn.id()), checkIn.teamId(), CLOSE, checkIn.dueAt(),
                new CheckInJobData(checkIn.id())));
    }

    /** Reminders for one person, counted from when their invitation goes out. */
    void invited(CheckIn checkIn, String userId, Instant invitedAt) {
        reminderJobs(checkIn, userId, invitedAt).forEach(schedule::add);
    }

    /** As {@link #invited(CheckIn, String, Instant)} for several people invited at once, in one write. */
    void invited(CheckIn checkIn, List<String> userIds, Instant invitedAt) {
        schedule.addAll(userIds.stream().flatMap(u -> reminderJobs(checkIn, u, invitedAt).stream()).toList());
    }

    private List<Job<ReminderJobData>> reminderJobs(CheckIn checkIn, String userId, Instant invitedAt) {
        List<Job<ReminderJobData>> jobs = new java.util.ArrayList<>();
        Instant at = invitedAt.plus(reminders.firstAfter());
        for (int n = 1; n <= reminders.max() && at.isBefore(checkIn.dueAt()); n++) {
            jobs.add(new Job<>(reminderKey(checkIn.id(), userId, n), checkIn.teamId(), REMIND, at,
                    new ReminderJobData(checkIn.id(), userId, n)));
            at = at.plus(reminders.every());
        }
        return jobs;
    }

    /** An invitation sent later, at the person's own local time (a round of a recurring check-in). */
    void inviteLater(CheckIn checkIn, String userId, Instant at) {
        schedule.add(new Job<>(INVITE.key(checkIn.id(), userId), checkIn.teamId(), INVITE, at,
                new InviteJobData(checkIn.id(), userId)));
    }

    /**
     * The leader moved the due time: the closing moves with it, and people still waiting get the
     * reminders that now fit before it (counted from their invitation, as at the start; reminders
     * already stored keep their key, so none is doubled). Reminders left past a sooner due time
     * skip themselves when they come up.
     */
    void dueMoved(CheckIn checkIn, List<Response> responses) {
        if (!schedule.reschedule(CLOSE.key(checkIn.id()), checkIn.dueAt())) {
            started(checkIn);
        }
        for (Response r : responses) {
            if (r.status() == ResponseStatus.PENDING && r.dmTs() != null) {
                invited(checkIn, r.userId(), schedule.doneAt(INVITE.key(checkIn.id(), r.userId()))
                        .orElse(checkIn.createdAt()));
            }
        }
    }

    /**
     * Its workspace is back after its jobs were deleted: the closing again (at once if the due time
     * passed meanwhile), and for people still waiting the reminders still ahead of {@code now}.
     */
    void reconnected(CheckIn checkIn, List<Response> responses, Instant now) {
        schedule.add(new Job<>(CLOSE.key(checkIn.id()), checkIn.teamId(), CLOSE,
                checkIn.dueAt().isAfter(now) ? checkIn.dueAt() : now, new CheckInJobData(checkIn.id())));
        for (Response r : responses) {
            if (r.status() != ResponseStatus.PENDING || r.dmTs() == null) {
                continue;
            }
            Instant at = schedule.doneAt(INVITE.key(checkIn.id(), r.userId())).orElse(checkIn.createdAt())
                    .plus(reminders.firstAfter());
            for (int n = 1; n <= reminders.max() && at.isBefore(checkIn.dueAt()); n++) {
                if (at.isAfter(now)) {
                    schedule.add(new Job<>(reminderKey(checkIn.id(), r.userId(), n), checkIn.teamId(), REMIND, at,
                            new ReminderJobData(checkIn.id(), r.userId(), n)));
                }
                at = at.plus(reminders.every());
            }
        }
    }

    void ended(CheckIn checkIn) {
        Instant endedAt = checkIn.closedAt() != null ? checkIn.closedAt() : checkIn.dueAt();
        schedule.add(new Job<>(FOLLOW_UP.key(checkIn.id()), checkIn.teamId(), FOLLOW_UP,
                endedAt.plus(followUp.after()), new CheckInJobData(checkIn.id())));
    }

    /**
     * When reminder {@code n} of a person may go out: not before {@code every} after an earlier
     * reminder of theirs that is still to be sent (deferred to their working hours, say), so two
     * never arrive together.
     */
    Instant notBeforeReminder(String checkInId, String userId, int n, Instant now) {
        Instant earliest = now;
        // After downtime two reminders can both be overdue: the second still keeps its distance.
        Optional<Instant> previousSent = schedule.doneAt(reminderKey(checkInId, userId, n - 1));
        if (previousSent.isPresent() && previousSent.get().plus(reminders.every()).isAfter(earliest)) {
            earliest = previousSent.get().plus(reminders.every());
        }
        for (Job<ReminderJobData> earlier : upcomingReminders(checkInId)) {
            if (userId.equals(earlier.payload().userId()) && earlier.payload().n() < n) {
                Instant after = earlier.dueAt().plus(reminders.every());
                earliest = after.isAfter(earliest) ? after : earliest;
            }
        }
        return earliest;
    }

    /** A nudge brings a reminder forward; false when it is no longer waiting (it ran, or is running). */
    boolean moveReminder(String key, Instant at) {
        return schedule.reschedule(key, at);
    }

    private static String reminderKey(String checkInId, String userId, int n) {
        return REMIND.key(checkInId, userId, n);
    }

    List<Job<ReminderJobData>> upcomingReminders(String checkInId) {
        return schedule.upcoming(REMIND, "checkInId", checkInId);
    }
}
