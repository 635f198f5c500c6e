package org.alliance.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitmentTest {

    private static final LocalDate WINTER = LocalDate.of(2025, 1, 10);
    private static final LocalDate SUMMER = LocalDate.of(2025, 7, 10);
    private static final Instant NOW = Instant.parse("2025-01-06T09:00:00Z");

    @Test
    void dueAtIsFivePmInTheLeadersZone() {
        assertThat(Commitment.dueAt(WINTER, ZoneOffset.UTC)).isEqualTo(Instant.parse("2025-01-10T17:00:00Z"));
        assertThat(Commitment.dueAt(WINTER, ZoneId.of("Europe/London"))).isEqualTo(Instant.parse("2025-01-10T17:00:00Z"));
        assertThat(Commitment.dueAt(SUMMER, ZoneId.of("Europe/London"))).isEqualTo(Instant.parse("2025-07-10T16:00:00Z"));
        assertThat(Commitment.dueAt(WINTER, ZoneId.of("Asia/Tokyo"))).isEqualTo(Instant.parse("2025-01-10T08:00:00Z"));
        // West of UTC, five in the afternoon is already the next day in UTC.
        assertThat(Commitment.dueAt(SUMMER, ZoneId.of("America/Los_Angeles")))
                .isEqualTo(Instant.parse("2025-07-11T00:00:00Z"));
        assertThat(Commitment.dueAt(WINTER, ZoneId.of("Australia/Sydney")))
                .isEqualTo(Instant.parse("2025-01-10T06:00:00Z"));
        assertThat(Commitment.dueAt(LocalDate.of(2025, 1, 10), ZoneId.of("Asia/Kolkata")))
                .isEqualTo(Instant.parse("2025-01-10T11:30:00Z"));
    }

    @Test
    void dueAtFollowsTheClockChangeOnTheDayItself() {
        // Clocks go forward in London on 30 March 2025 and back on 26 October 2025.
        assertThat(Commitment.dueAt(LocalDate.of(2025, 3, 29), ZoneId.of("Europe/London")))
                .isEqualTo(Instant.parse("2025-03-29T17:00:00Z"));
        assertThat(Commitment.dueAt(LocalDate.of(2025, 3, 30), ZoneId.of("Europe/London")))
                .isEqualTo(Instant.parse("2025-03-30T16:00:00Z"));
        assertThat(Commitment.dueAt(LocalDate.of(2025, 10, 26), ZoneId.of("Europe/London")))
                .isEqualTo(Instant.parse("2025-10-26T17:00:00Z"));
    }

    @Test
    void openKeepsTheDayAndComputesDueAtInTheGivenZone() {
        Commitment c = Commitment.open("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", "  Book the training  ", WINTER,
                ZoneId.of("Asia/Tokyo"), NOW);

        assertThat(c.text()).isEqualTo("Book the training");
        assertThat(c.dueDate()).isEqualTo(WINTER);
        assertThat(c.dueAt()).isEqualTo(Instant.parse("2025-01-10T08:00:00Z"));
        assertThat(c.status()).isEqualTo(CommitmentStatus.OPEN);
        assertThat(c.isOpen()).isTrue();
        assertThat(c.createdAt()).isEqualTo(NOW);
        assertThat(c.doneAt()).isNull();
        assertThat(c.helped()).isNull();
    }

    @Test
    void doneThenRatedOnceEach() {
        Commitment open = Commitment.open("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", "Book it", WINTER, ZoneOffset.UTC,
                NOW);
        Instant doneAt = NOW.plusSeconds(3600);
        Commitment done = open.done(doneAt);

        assertThat(done.status()).isEqualTo(CommitmentStatus.DONE);
        assertThat(done.doneAt()).isEqualTo(doneAt);
        assertThat(done.isOpen()).isFalse();
        assertThatThrownBy(() -> done.done(doneAt)).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(() -> open.rated(Helped.YES, doneAt)).as("not done yet")
                .isInstanceOf(IllegalStateException.class);
        Commitment rated = done.rated(Helped.SOMEWHAT, doneAt.plusSeconds(60));
        assertThat(rated.helped()).isEqualTo(Helped.SOMEWHAT);
        assertThat(rated.helpedAt()).isEqualTo(doneAt.plusSeconds(60));
        assertThat(rated.doneAt()).isEqualTo(doneAt);
        assertThatThrownBy(() -> rated.rated(Helped.NO, doneAt)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOpenCommitmentCannotCarryAnAnswer() {
        assertThatThrownBy(() -> new Commitment("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", "x", WINTER,
                Commitment.dueAt(WINTER, ZoneOffset.UTC), CommitmentStatus.OPEN, NOW, null, Helped.YES, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOpenCommitmentCannotCarryADoneTime() {
        assertThatThrownBy(() -> new Commitment("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", "x", WINTER,
                Commitment.dueAt(WINTER, ZoneOffset.UTC), CommitmentStatus.OPEN, NOW, NOW, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doneAndRatedChangeOnlyTheirOwnFieldsAndLeaveTheOriginalAsItWas() {
        Commitment open = Commitment.open("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", "Book it", WINTER, ZoneOffset.UTC,
                NOW);
        Instant doneAt = NOW.plusSeconds(3600);

        Commitment done = open.done(doneAt);
        Commitment rated = done.rated(Helped.NO, doneAt.plusSeconds(60));

        assertThat(done).usingRecursiveComparison().ignoringFields("status", "doneAt").isEqualTo(open);
        assertThat(rated).usingRecursiveComparison().ignoringFields("helped", "helpedAt").isEqualTo(done);
        assertThat(open.isOpen()).isTrue();
        assertThat(open.doneAt()).isNull();
        assertThat(done.helped()).isNull();
    }

    @Test
    void aRatingNeedsAnAnswer() {
        Commitment done = Commitment.open("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", "Book it", WINTER,
                ZoneOffset.UTC, NOW).done(NOW);

        assertThatThrownBy(() -> done.rated(null, NOW)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void whoWhatAndWhenAreRequired() {
        Instant dueAt = Commitment.dueAt(WINTER, ZoneOffset.UTC);
        assertThatThrownBy(() -> new Commitment("ABC234", "T1", null, "U0MEM", "CHK234", "x", WINTER, dueAt,
                CommitmentStatus.OPEN, NOW, null, null, null)).hasMessage("leaderId");
        assertThatThrownBy(() -> new Commitment("ABC234", "T1", "U0LEAD", null, "CHK234", "x", WINTER, dueAt,
                CommitmentStatus.OPEN, NOW, null, null, null)).hasMessage("memberId");
        assertThatThrownBy(() -> new Commitment("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", null, WINTER, dueAt,
                CommitmentStatus.OPEN, NOW, null, null, null)).hasMessage("text");
        assertThatThrownBy(() -> new Commitment("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", "x", null, dueAt,
                CommitmentStatus.OPEN, NOW, null, null, null)).hasMessage("dueDate");
        assertThatThrownBy(() -> new Commitment("ABC234", "T1", "U0LEAD", "U0MEM", "CHK234", "x", WINTER, dueAt,
                null, NOW, null, null, null)).hasMessage("status");
    }

    @Test
    void problemsWithWhatAndWhen() {
        LocalDate today = LocalDate.of(2025, 1, 6);
        assertThat(Commitment.problems("Book it", today, today)).isEmpty();
        assertThat(Commitment.problems("Book it", today.plusDays(Commitment.MAX_DAYS_AHEAD), today)).isEmpty();

        assertThat(Commitment.problems("   ", today, today)).containsOnlyKeys(Commitment.Field.TEXT);
        assertThat(Commitment.problems(null, today, today)).containsOnlyKeys(Commitment.Field.TEXT);
        assertThat(Commitment.problems("x".repeat(Commitment.MAX_TEXT + 1), today, today))
                .containsOnlyKeys(Commitment.Field.TEXT);
        assertThat(Commitment.problems(" " + "x".repeat(Commitment.MAX_TEXT) + " ", today, today)).isEmpty();

        assertThat(Commitment.problems("Book it", today.minusDays(1), today).get(Commitment.Field.DUE_DATE))
                .contains("today or a later day");
        assertThat(Commitment.problems("Book it", null, today)).containsOnlyKeys(Commitment.Field.DUE_DATE);
        assertThat(Commitment.problems("Book it", today.plusDays(Commitment.MAX_DAYS_AHEAD + 1), today))
                .containsOnlyKeys(Commitment.Field.DUE_DATE);
        assertThat(Commitment.problems("", today.minusDays(3), today))
                .containsOnlyKeys(Commitment.Field.TEXT, Commitment.Field.DUE_DATE);
    }

    @Test
    void helpedParsesItsOwnNamesOnly() {
        assertThat(Helped.parse("YES")).contains(Helped.YES);
        assertThat(Helped.parse(" somewhat ")).contains(Helped.SOMEWHAT);
        assertThat(Helped.parse("NO")).contains(Helped.NO);
        assertThat(Helped.parse("maybe")).isEmpty();
        assertThat(Helped.parse(null)).isEmpty();
    }
}
