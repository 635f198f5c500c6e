package org.alliance.export;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportTargetTest {

    @Test
    void readsACheckInIdAPickedPersonOrMe() {
        assertThat(ExportTarget.parse("abc234", "U0LEE")).contains(new ExportTarget.CheckInId("abc234"));
        assertThat(ExportTarget.parse("<@U0ALICE|alice>", "U0LEE")).contains(new ExportTarget.Person("U0ALICE"));
        assertThat(ExportTarget.parse("<@W0ALICE>", "U0LEE")).contains(new ExportTarget.Person("W0ALICE"));
        assertThat(ExportTarget.parse("me", "U0LEE")).contains(new ExportTarget.Mine());
        assertThat(ExportTarget.parse("  Mine  ", "U0LEE")).contains(new ExportTarget.Mine());
    }

    @Test
    void oneselfPickedAsAPersonMeansOnesOwnAnswers() {
        assertThat(ExportTarget.parse("<@U0LEE|lee>", "U0LEE")).contains(new ExportTarget.Mine());
    }

    @Test
    void aNameTypedWithoutSlacksAutocompleteIsNotAPerson() {
        assertThat(ExportTarget.parse("@alice", "U0LEE")).isEmpty();
        assertThat(ExportTarget.parse("<#C0TEAM|team>", "U0LEE")).isEmpty();
    }
}
