package org.alliance.commitments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.alliance.schedule.Job;
import org.alliance.schedule.Schedule;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.ArgumentMatchers.any;

class CommitmentRemindersTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final Schedule schedule = mock(Schedule.class);

    private CommitmentReminders at(Instant now) {
        when(schedule.add(any())).thenReturn(true);
        return new CommitmentReminders(schedule, new CommitmentSettings(Duration.ofDays(1)), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Commitment due(LocalDate day) {
        return Commitment.open("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", "Book it", day, LONDON,
                Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void aDayBeforeAndOnTheDay() {
        at(Instant.parse("2025-01-06T09:00:00Z")).schedule(due(LocalDate.of(2025, 1, 10)));

        ArgumentCaptor<Job> jobs = ArgumentCaptor.forClass(Job.class);
        verify(schedule, times(2)).add(jobs.capture());
        List<Job> added = jobs.getAllValues();
        assertThat(added).extracting(j -> j.kind().name()).containsOnly("commitment.remind");
        assertThat(added).extracting(Job::teamId).containsOnly("T1");
        assertThat(added).extracting(Job::payload).containsExactly(
                new CommitmentReminderData("ABC234", CommitmentReminders.When.BEFORE),
                new CommitmentReminderData("ABC234", CommitmentReminders.When.DUE));
        assertThat(added).extracting(Job::key)
                .containsExactly("commitment.remind:ABC234:before", "commitment.remind:ABC234:due");
        assertThat(added).extracting(Job::dueAt)
                .containsExactly(Instant.parse("2025-01-09T17:00:00Z"), Instant.parse("2025-01-10T17:00:00Z"));
    }

    @Test
    void noHeadsUpWhenItsTimeHasPassed() {
        at(Instant.parse("2025-01-10T09:00:00Z")).schedule(due(LocalDate.of(2025, 1, 10)));

        ArgumentCaptor<Job> jobs = ArgumentCaptor.forClass(Job.class);
        verify(schedule).add(jobs.capture());
        assertThat(jobs.getValue().key()).isEqualTo("commitment.remind:ABC234:due");
    }

    @Test
    void nothingWhenEvenTheDueTimeHasPassed() {
        // Committed at six in the evening for "today": a reminder now would only be noise.
        at(Instant.parse("2025-01-10T18:00:00Z")).schedule(due(LocalDate.of(2025, 1, 10)));

        verify(schedule, never()).add(any());
    }
}
