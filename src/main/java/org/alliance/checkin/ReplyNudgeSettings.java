package org.alliance.checkin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long an answer may wait for its leader's acknowledgement or reply before the leader is
 * nudged, once: long enough not to nag, short enough that the person still remembers writing it.
 */
@ConfigurationProperties("alliance.loop")
record ReplyNudgeSettings(Duration acknowledgeWithin) {

    public ReplyNudgeSettings {
        acknowledgeWithin = acknowledgeWithin == null ? Duration.ofDays(2) : acknowledgeWithin;
        if (acknowledgeWithin.isNegative() || acknowledgeWithin.isZero()) {
            throw new IllegalArgumentException("alliance.loop.acknowledge-within must be positive, e.g. P2D");
        }
    }
}
