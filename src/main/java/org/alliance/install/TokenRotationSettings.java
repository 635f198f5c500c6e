package org.alliance.install;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param refreshBefore how long before a rotating bot token expires it is refreshed; Slack's live
 *                      12 hours, so two hours leave room for retries while Slack is unreachable
 */
@ConfigurationProperties("alliance.slack.token-rotation")
record TokenRotationSettings(Duration refreshBefore) {

    static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofHours(2);

    @ConstructorBinding
    TokenRotationSettings {
        refreshBefore = refreshBefore == null ? DEFAULT_REFRESH_BEFORE : refreshBefore;
        if (refreshBefore.isNegative() || refreshBefore.isZero()) {
            throw new IllegalArgumentException("alliance.slack.token-rotation.refresh-before must be positive, e.g. PT2H");
        }
    }
}
