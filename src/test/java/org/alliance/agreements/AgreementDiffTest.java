package org.alliance.agreements;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What changed between two versions, line by line. */
class AgreementDiffTest {

    @Test
    void addedAndRemovedPointsAreListedAndKeptOnesAreNot() {
        List<AgreementDiff.Line> lines = AgreementDiff.between(
                List.of("Weekly 1:1", "Tell me early", "Review goals monthly"),
                List.of("Weekly 1:1", "Review goals monthly", "Feedback in private"));
        assertThat(lines).extracting(AgreementDiff.Line::shown)
                .containsExactly("\u2212 Tell me early", "+ Feedback in private");
    }

    @Test
    void aRewordedPointIsOneRemovedAndOneAddedInPlace() {
        assertThat(AgreementDiff.between(List.of("A", "Weekly 1:1", "C"), List.of("A", "Fortnightly 1:1", "C")))
                .extracting(AgreementDiff.Line::shown).containsExactly("\u2212 Weekly 1:1", "+ Fortnightly 1:1");
    }

    @Test
    void spacingAndCaseAreNoChangeAndEmptySidesWork() {
        assertThat(AgreementDiff.between(List.of("Weekly  1:1"), List.of("weekly 1:1"))).isEmpty();
        assertThat(AgreementDiff.between(List.of(), List.of("A", "B"))).extracting(AgreementDiff.Line::added)
                .containsExactly(true, true);
        assertThat(AgreementDiff.between(List.of("A"), List.of())).extracting(AgreementDiff.Line::shown)
                .containsExactly("\u2212 A");
    }

    @Test
    void aReorderedListShowsTheMovedPointOnce() {
        assertThat(AgreementDiff.between(List.of("A", "B", "C"), List.of("C", "A", "B")))
                .extracting(AgreementDiff.Line::shown).containsExactlyInAnyOrder("+ C", "\u2212 C");
    }
}
