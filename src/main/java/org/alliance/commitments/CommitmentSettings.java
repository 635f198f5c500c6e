package org.alliance.commitments;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param remindBefore how long before a commitment is due the leader gets a heads-up (a second
 *                     reminder comes when it is due)
 */
@ConfigurationProperties("alliance.commitments")
record CommitmentSettings(Duration remindBefore) {

    public CommitmentSettings {
        remindBefore = remindBefore == null ? Duration.ofDays(1) : remindBefore;
        if (remindBefore.isNegative() || remindBefore.isZero()) {
            throw new IllegalArgumentException("alliance.commitments.remind-before must be positive, e.g. P1D, but was "
                    + remindBefore);
        }
        if (remindBefore.compareTo(Duration.ofDays(Commitment.MAX_DAYS_AHEAD)) > 0) {
            throw new IllegalArgumentException("alliance.commitments.remind-before must be at most a year, but was "
                    + remindBefore);
        }
    }
}
