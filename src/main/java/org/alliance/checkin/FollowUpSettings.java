package org.alliance.checkin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long after a check-in ends its leader is reminded to come back to the people in it. */
@ConfigurationProperties("alliance.follow-up")
record FollowUpSettings(Duration after) {

    public FollowUpSettings {
        after = after == null ? Duration.ofDays(14) : after;
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("alliance.follow-up.after must be positive, e.g. P14D");
        }
    }
}
