package org.alliance.relationships;

import java.time.Duration;
import java.time.Instant;

/**
 * A leader and one of their people: when they first and last checked in, how often, and whether
 * the leader still follows them (Stop tracking ends that until the next check-in).
 *
 * @param driftAlertedAt when the leader was last told it has been too long; null if never
 */
public record Relationship(String teamId, String leaderId, String memberId, Instant firstCheckInAt,
                           Instant lastCheckInAt, String lastCheckInId, int checkIns, boolean tracking,
                           Instant driftAlertedAt) {

    /** Whole days since the last check-in, as people count them (a check-in yesterday is 1 day ago). */
    public long daysSince(Instant now) {
        return Math.max(0, Duration.between(lastCheckInAt, now).toDays());
    }

    /** Longer than {@code limit} without a check-in. */
    public boolean driftedAt(Instant now, Duration limit) {
        return lastCheckInAt.plus(limit).isBefore(now);
    }
}
