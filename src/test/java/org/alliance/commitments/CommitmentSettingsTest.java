package org.alliance.commitments;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitmentSettingsTest {

    @Test
    void remindsADayBeforeUnlessToldOtherwise() {
        assertThat(new CommitmentSettings(null).remindBefore()).isEqualTo(Duration.ofDays(1));
        assertThat(new CommitmentSettings(Duration.ofHours(4)).remindBefore()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void refusesNothingNegativeAndAbsurd() {
        assertThatThrownBy(() -> new CommitmentSettings(Duration.ZERO)).hasMessageContaining("remind-before");
        assertThatThrownBy(() -> new CommitmentSettings(Duration.ofHours(-1))).hasMessageContaining("remind-before");
        assertThatThrownBy(() -> new CommitmentSettings(Duration.ofDays(400))).hasMessageContaining("remind-before");
    }
}
