package org.alliance.home;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HomeSettingsTest {

    @Test
    void debounceDefaultsToFiveSecondsAndMustBePositive() {
        assertThat(new HomeSettings(null).debounce()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new HomeSettings(Duration.ofSeconds(2)).debounce()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> new HomeSettings(Duration.ZERO)).hasMessageContaining("alliance.home.debounce");
        assertThatThrownBy(() -> new HomeSettings(Duration.ofSeconds(-1))).hasMessageContaining("PT5S");
    }
}
