package org.alliance.recurring;

import java.time.LocalDateTime;
import java.util.List;

import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.recurring.SeriesTest.series;
import static org.assertj.core.api.Assertions.assertThat;

/** Where a series moves on: a round advances it only from the occurrence that round was for. */
class SeriesRepositoryTest {

    private static final LocalDateTime NEXT = LocalDateTime.of(2025, 1, 13, 10, 0);
    private static final LocalDateTime AFTER = NEXT.plusWeeks(1);

    private SeriesRepository repository;

    @BeforeEach
    void storeASeries() {
        repository = new SeriesRepository(InMemoryMongo.freshDatabase());
        repository.insert(series("R23456", SeriesStatus.ACTIVE, List.of("U0ANN", "U0BOB"), "P2D"));
    }

    @Test
    void storesEveryFieldAsItWas() {
        assertThat(repository.find("T1", "R23456"))
                .contains(series("R23456", SeriesStatus.ACTIVE, List.of("U0ANN", "U0BOB"), "P2D"));
    }

    @Test
    void advancingMovesToTheNextOccurrenceAndCountsTheRound() {
        Series advanced = repository.advance("R23456", NEXT, AFTER).orElseThrow();

        assertThat(advanced.next()).isEqualTo(AFTER);
        assertThat(advanced.rounds()).isEqualTo(1);
        assertThat(repository.find("T1", "R23456")).contains(advanced);
    }

    @Test
    void aRoundAdvancesTheSeriesOnceHoweverOftenItRuns() {
        repository.advance("R23456", NEXT, AFTER).orElseThrow();

        assertThat(repository.advance("R23456", NEXT, AFTER)).as("the same round again").isEmpty();
        assertThat(repository.advance("R23456", NEXT.minusWeeks(1), NEXT)).as("an older round").isEmpty();

        Series s = repository.find("T1", "R23456").orElseThrow();
        assertThat(s.rounds()).isEqualTo(1);
        assertThat(s.next()).isEqualTo(AFTER);
    }

    @Test
    void statusAndNextAreSetAsTold() {
        repository.setStatus("R23456", SeriesStatus.PAUSED);
        repository.setNext("R23456", AFTER);

        Series s = repository.find("T1", "R23456").orElseThrow();
        assertThat(s.status()).isEqualTo(SeriesStatus.PAUSED);
        assertThat(s.next()).isEqualTo(AFTER);
        assertThat(s.rounds()).isZero();
    }

    @Test
    void aSeriesBelongsToItsTeam() {
        assertThat(repository.find("T1", "R23456")).isPresent();
        assertThat(repository.find("T2", "R23456")).isEmpty();
        assertThat(repository.find("T1", "R99999")).isEmpty();
    }
}
