package org.alliance.checkin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultDue          how long a check-in stays open when the leader gives no due time
 * @param anonymousThreshold  how many answers an anonymous check-in needs before any summary is shown
 * @param maxParticipants     a guard against starting a check-in with a whole large channel by mistake
 */
@ConfigurationProperties("alliance.checkins")
record CheckInSettings(Duration defaultDue, Integer anonymousThreshold, Integer maxParticipants) {

    public CheckInSettings {
        defaultDue = defaultDue == null ? Duration.ofDays(3) : defaultDue;
        anonymousThreshold = anonymousThreshold == null ? 3 : anonymousThreshold;
        maxParticipants = maxParticipants == null ? 100 : maxParticipants;
        if (defaultDue.isNegative() || defaultDue.isZero()) {
            throw new IllegalArgumentException("alliance.checkins.default-due must be positive, e.g. P3D, but was "
                    + defaultDue);
        }
        if (anonymousThreshold < 2) {
            throw new IllegalArgumentException("alliance.checkins.anonymous-threshold must be at least 2, but was "
                    + anonymousThreshold + ": with fewer, a summary would reveal who said what");
        }
        if (maxParticipants < 1) {
            throw new IllegalArgumentException("alliance.checkins.max-participants must be at least 1");
        }
    }
}
