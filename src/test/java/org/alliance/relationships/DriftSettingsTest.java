package org.alliance.relationships;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriftSettingsTest {

    @Test
    void defaultsAndClearErrors() {
        DriftSettings defaults = new DriftSettings(null, null, null);
        assertThat(defaults.after()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.remindEvery()).isEqualTo(Duration.ofDays(7));
        assertThat(defaults.recurringGrace()).isEqualTo(Duration.ofDays(3));
        assertThatThrownBy(() -> new DriftSettings(Duration.ZERO, null, null))
                .hasMessageContaining("alliance.drift.after must be positive");
        assertThatThrownBy(() -> new DriftSettings(null, null, Duration.ofDays(-1)))
                .hasMessageContaining("alliance.drift.recurring-grace");
    }
}
