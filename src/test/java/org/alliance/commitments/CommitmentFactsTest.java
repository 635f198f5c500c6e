package org.alliance.commitments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the follow-through score reads of a leader's commitments: due by the end of the due day, done, rated. */
class CommitmentFactsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2025-06-30T10:00:00Z");
    private static final Instant SINCE = NOW.minus(Duration.ofDays(90));

    private CommitmentRepository repository;
    private CommitmentFacts facts;

    @BeforeEach
    void database() {
        repository = new CommitmentRepository(InMemoryMongo.freshDatabase());
        facts = new CommitmentFacts(repository);
    }

    private Commitment stored(String id, String leaderId, LocalDate due) {
        Commitment c = Commitment.open(id, "T1", leaderId, "U0ANN", "CHK234", "Find a mentor", due, PARIS,
                due.minusDays(5).atStartOfDay(PARIS).toInstant());
        assertThat(repository.insert(c)).isTrue();
        return c;
    }

    @Test
    void aCommitmentIsDueByTheEndOfItsDueDayInTheLeadersZoneAndCarriesWhetherItHelped() {
        Commitment c = stored("ABC234", "U0LEAD", LocalDate.of(2025, 6, 20));
        Instant doneAt = Instant.parse("2025-06-20T21:30:00Z");
        repository.markDone(c.done(doneAt)).orElseThrow();
        repository.rate(c.done(doneAt).rated(Helped.YES, doneAt.plusSeconds(60))).orElseThrow();
        Commitment somewhat = stored("ABC235", "U0LEAD", LocalDate.of(2025, 6, 21));
        repository.markDone(somewhat.done(doneAt)).orElseThrow();
        repository.rate(somewhat.done(doneAt).rated(Helped.SOMEWHAT, doneAt.plusSeconds(60))).orElseThrow();

        List<CommitmentFacts.Fact> found = facts.ofLeader("T1", "U0LEAD", SINCE);

        assertThat(found).containsExactlyInAnyOrder(
                new CommitmentFacts.Fact(Instant.parse("2025-06-20T22:00:00Z"), doneAt, doneAt.plusSeconds(60), true),
                new CommitmentFacts.Fact(Instant.parse("2025-06-21T22:00:00Z"), doneAt, doneAt.plusSeconds(60), false));
    }

    @Test
    void onlyTheLeadersOwnDueOrRatedSinceTheStartOfTheWindow() {
        stored("OLD234", "U0LEAD", LocalDate.of(2025, 3, 1));
        stored("NEW234", "U0LEAD", LocalDate.of(2025, 6, 1));
        stored("OTH234", "U0OTHER", LocalDate.of(2025, 6, 1));
        Commitment ratedLately = stored("LAT234", "U0LEAD", LocalDate.of(2025, 2, 1));
        Instant doneAt = Instant.parse("2025-02-01T10:00:00Z");
        repository.markDone(ratedLately.done(doneAt)).orElseThrow();
        repository.rate(ratedLately.done(doneAt).rated(Helped.NO, NOW.minus(Duration.ofDays(2)))).orElseThrow();

        assertThat(facts.ofLeader("T1", "U0LEAD", SINCE)).extracting(CommitmentFacts.Fact::dueBy)
                .containsExactlyInAnyOrder(Instant.parse("2025-06-01T22:00:00Z"), Instant.parse("2025-02-01T23:00:00Z"));
        assertThat(facts.ofLeader("T9", "U0LEAD", SINCE)).isEmpty();
    }
}
