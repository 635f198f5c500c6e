package org.alliance.commitments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.springframework.stereotype.Component;

/**
 * Puts a commitment's two reminders on the schedule: a heads-up {@code remind-before} it is due,
 * and one when it is due. Both are stored with the commitment's id in their key, so scheduling
 * twice stores them once; whether a reminder still makes sense is decided when it runs.
 */
@Component
class CommitmentReminders {

    // Stored with every reminder's job: reminders already waiting in a database find their handler by it.
    static final JobKind<CommitmentReminderData> KIND = new JobKind<>("commitment.remind",
            CommitmentReminderData.class);

    /** Which of the two reminders a job is. Stored by name in lower case, in the job's key and its data. */
    enum When {
        BEFORE, DUE;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Schedule schedule;
    private final CommitmentSettings settings;
    private final Clock clock;

    CommitmentReminders(Schedule schedule, CommitmentSettings settings, Clock clock) {
        this.schedule = schedule;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Schedules what still makes sense and returns when those reminders will go, earliest first,
     * so the leader is told exactly that (none at all when the due time has passed: committing at
     * six in the evening to "today" gets no reminder a minute later, which would only be noise).
     */
    List<Instant> schedule(Commitment c) {
        Instant now = clock.instant();
        List<Instant> planned = new ArrayList<>();
        Instant before = c.dueAt().minus(settings.remindBefore());
        if (before.isAfter(now)) {
            add(c, When.BEFORE, before);
            planned.add(before);
        }
        if (c.dueAt().isAfter(now)) {
            add(c, When.DUE, c.dueAt());
            planned.add(c.dueAt());
        }
        return List.copyOf(planned);
    }

    static String key(String commitmentId, When when) {
        return KIND.key(commitmentId, when.word());
    }

    private void add(Commitment c, When when, Instant at) {
        schedule.add(new Job<>(key(c.id(), when), c.teamId(), KIND, at, new CommitmentReminderData(c.id(), when)));
    }
}
