package org.alliance.checkin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.Schedule;
import org.springframework.stereotype.Service;

/**
 * The work a check-in leaves for later, stored durably: its deadline, a few reminders per
 * person (relative to when each was invited) and, once it ends, the leader's follow-up.
 */
@Service
class CheckInSchedule {

    static final String REMIND = "checkin.remind";
    static final String CLOSE = "checkin.close";
    static final String FOLLOW_UP = "checkin.followup";
    static final String INVITE = "checkin.invite";

    private final Schedule schedule;
    private final ReminderSettings reminders;
    private final FollowUpSettings followUp;

    CheckInSchedule(Schedule schedule, ReminderSettings reminders, FollowUpSettings followUp) {
        this.schedule = schedule;
        this.reminders = reminders;
        this.followUp = followUp;
    }

    void started(CheckIn checkIn) {
        schedule.add(new Job(CLOSE + ":" + checkIn.id(), checkIn.teamId(), CLOSE, checkIn.dueAt(),
                Map.of("checkInId", checkIn.id())));
    }

    /** Reminders for one person, counted from when their invitation goes out. */
    void invited(CheckIn checkIn, String userId, Instant invitedAt) {
        Instant at = invitedAt.plus(reminders.firstAfter());
        for (int n = 1; n <= reminders.max() && at.isBefore(checkIn.dueAt()); n++) {
            schedule.add(new Job(reminderKey(checkIn.id(), userId, n), checkIn.teamId(), REMIND, at,
                    Map.of("checkInId", checkIn.id(), "userId", userId, "n", String.valueOf(n))));
            at = at.plus(reminders.every());
        }
    }

    /** An invitation sent later, at the person's own local time (a round of a recurring check-in). */
    void inviteLater(CheckIn checkIn, String userId, Instant at) {
        schedule.add(new Job(INVITE + ":" + checkIn.id() + ":" + userId, checkIn.teamId(), INVITE, at,
                Map.of("checkInId", checkIn.id(), "userId", userId)));
    }

    void ended(CheckIn checkIn) {
        Instant endedAt = checkIn.closedAt() != null ? checkIn.closedAt() : checkIn.dueAt();
        schedule.add(new Job(FOLLOW_UP + ":" + checkIn.id(), checkIn.teamId(), FOLLOW_UP,
                endedAt.plus(followUp.after()), Map.of("checkInId", checkIn.id())));
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
        for (Job earlier : upcomingReminders(checkInId)) {
            if (userId.equals(earlier.get("userId")) && Integer.parseInt(earlier.get("n")) < n) {
                Instant after = earlier.dueAt().plus(reminders.every());
                earliest = after.isAfter(earliest) ? after : earliest;
            }
        }
        return earliest;
    }

    private static String reminderKey(String checkInId, String userId, int n) {
        return REMIND + ":" + checkInId + ":" + userId + ":" + n;
    }

    java.util.List<Job> upcomingReminders(String checkInId) {
        return schedule.upcoming(REMIND, "checkInId", checkInId);
    }
}
