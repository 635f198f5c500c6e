package org.alliance.agreements;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agreement's versions move only forward: proposed, then confirmed or replaced, then superseded. */
class AgreementTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration EVERY = Duration.ofDays(90);

    @Test
    void aProposalWaitsUntilThePersonConfirmsItAndTheReviewIsCountedFromThen() {
        Agreement a = Agreement.between("T1", "U0LEAD", "U0MEM").propose(List.of("Weekly 1:1"), "CHK1", T0);
        assertThat(a.pending()).map(Agreement.Version::number).contains(1);
        assertThat(a.current()).isEmpty();
        assertThat(a.reviewAt()).isNull();
        assertThat(a.revision()).isEqualTo(1);

        Agreement confirmed = a.confirm(1, T0.plusSeconds(60), EVERY);
        assertThat(confirmed.pending()).isEmpty();
        assertThat(confirmed.current()).get().satisfies(v -> {
            assertThat(v.status()).isEqualTo(Agreement.Status.CONFIRMED);
            assertThat(v.confirmedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(v.points()).containsExactly("Weekly 1:1");
        });
        assertThat(confirmed.reviewAt()).isEqualTo(T0.plusSeconds(60).plus(EVERY));
        assertThat(confirmed.revision()).isEqualTo(2);
    }

    @Test
    void aVersionIsConfirmedOnceAndAReplacedOneNeverIs() {
        Agreement a = Agreement.between("T1", "U0LEAD", "U0MEM").propose(List.of("A"), null, T0);
        Agreement confirmed = a.confirm(1, T0, EVERY);
        assertThatThrownBy(() -> confirmed.confirm(1, T0.plusSeconds(1), EVERY)).isInstanceOf(IllegalStateException.class);

        Agreement twice = confirmed.propose(List.of("B"), null, T0.plusSeconds(2)).propose(List.of("C"), null,
                T0.plusSeconds(3));
        assertThat(twice.version(2)).get().satisfies(v -> {
            assertThat(v.status()).isEqualTo(Agreement.Status.SUPERSEDED);
            assertThat(v.wasConfirmed()).isFalse();
        });
        assertThat(twice.pending()).map(Agreement.Version::number).contains(3);
        assertThat(twice.current()).map(Agreement.Version::number).as("still the agreement meanwhile").contains(1);
        assertThatThrownBy(() -> twice.confirm(2, T0.plusSeconds(4), EVERY)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> twice.suggest(2, "x", T0.plusSeconds(4))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void confirmingANewVersionSupersedesTheOldOneButKeepsItsDate() {
        Agreement a = Agreement.between("T1", "U0LEAD", "U0MEM").propose(List.of("A"), null, T0).confirm(1, T0, EVERY)
                .propose(List.of("A", "B"), null, T0.plusSeconds(10)).confirm(2, T0.plusSeconds(20), EVERY);

        assertThat(a.current()).map(Agreement.Version::number).contains(2);
        assertThat(a.version(1)).get().satisfies(v -> {
            assertThat(v.status()).isEqualTo(Agreement.Status.SUPERSEDED);
            assertThat(v.confirmedAt()).isEqualTo(T0);
        });
        assertThat(a.confirmedVersions()).extracting(Agreement.Version::number).containsExactly(2, 1);
        assertThat(a.confirmedBefore(2)).map(Agreement.Version::number).contains(1);
        assertThat(a.confirmedBefore(1)).isEmpty();
        assertThat(a.reviewAt()).isEqualTo(T0.plusSeconds(20).plus(EVERY));
    }

    @Test
    void aSuggestionStaysOnTheWaitingVersionAndStillHoldsMovesTheReview() {
        Agreement a = Agreement.between("T1", "U0LEAD", "U0MEM").propose(List.of("A"), null, T0)
                .suggest(1, "  Make it B  ", T0.plusSeconds(5));
        assertThat(a.pending()).get().satisfies(v -> {
            assertThat(v.suggestion()).isEqualTo("Make it B");
            assertThat(v.suggestedAt()).isEqualTo(T0.plusSeconds(5));
        });
        assertThatThrownBy(() -> a.stillHolds(T0, EVERY)).as("nothing confirmed to review")
                .isInstanceOf(IllegalStateException.class);

        Agreement held = a.confirm(1, T0, EVERY).stillHolds(T0.plus(EVERY), EVERY);
        assertThat(held.reviewAt()).isEqualTo(T0.plus(EVERY).plus(EVERY));
    }

    @Test
    void anAgreementIsBetweenTwoPeopleWithAtLeastOnePointAVersion() {
        assertThatThrownBy(() -> Agreement.between("T1", "U0LEAD", "U0LEAD")).isInstanceOf(IllegalArgumentException.class);
        Agreement a = Agreement.between("T1", "U0LEAD", "U0MEM");
        assertThatThrownBy(() -> a.propose(List.of(), null, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(a.involves("U0LEAD")).isTrue();
        assertThat(a.involves("U0MEM")).isTrue();
        assertThat(a.involves("U0EVE")).isFalse();
    }

    @Test
    void pointsAreOneALineWithoutTypedBulletsAndKeptShort() {
        assertThat(Points.parse("- Weekly 1:1\n\n• Tell me early\r\n2. Review goals  \n   ")).containsExactly(
                "Weekly 1:1", "Tell me early", "Review goals");
        assertThat(Points.problem(" \n ")).get().asString().contains("at least one point");
        assertThat(Points.problem("ok\n" + "x".repeat(Points.MAX_POINT + 1))).get().asString()
                .contains("Point 2").contains(String.valueOf(Points.MAX_POINT));
        assertThat(Points.problem("p\n".repeat(Points.MAX_POINTS + 1))).get().asString().contains("16");
        assertThat(Points.problem("Weekly 1:1\nTell me early")).isEmpty();
        assertThat(Points.suggestionProblem("  ")).isPresent();
        assertThat(Points.suggestionProblem("y".repeat(Points.MAX_SUGGESTION + 1))).isPresent();
    }
}
