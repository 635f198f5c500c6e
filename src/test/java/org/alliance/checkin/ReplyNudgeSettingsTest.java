package org.alliance.checkin;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyNudgeSettingsTest {

    @Test
    void twoDaysByDefaultAndOnlyPositiveWindows() {
        assertThat(new ReplyNudgeSettings(null).acknowledgeWithin()).isEqualTo(Duration.ofDays(2));
        assertThat(new ReplyNudgeSettings(Duration.ofHours(6)).acknowledgeWithin()).isEqualTo(Duration.ofHours(6));
        assertThatThrownBy(() -> new ReplyNudgeSettings(Duration.ZERO))
                .hasMessageContaining("alliance.loop.acknowledge-within must be positive");
        assertThatThrownBy(() -> new ReplyNudgeSettings(Duration.ofDays(-1)))
                .hasMessageContaining("alliance.loop.acknowledge-within");
    }
}
