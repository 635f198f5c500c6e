package org.alliance.relationships;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The drift rule for one leader's people: {@code alliance.drift.after} without a check-in, or for
 * someone in one of the leader's recurring check-ins, its rhythm plus {@code recurring-grace}.
 *
 * @param recurring the longest wait between rounds of the recurring check-ins each person is in
 */
record DriftLimits(Map<String, Duration> recurring, DriftSettings settings) {

    DriftLimits {
        recurring = Map.copyOf(recurring);
    }

    /** How long the leader may go without checking in with {@code memberId}. */
    Duration limit(String memberId) {
        Duration interval = recurring.get(memberId);
        return interval == null ? settings.after() : interval.plus(settings.recurringGrace());
    }

    boolean drifting(Relationship r, Instant now) {
        return r.driftedAt(now, limit(r.memberId()));
    }

    /**
     * Whether to tell the leader now: followed, drifting, and not told since the last check-in or
     * not within {@code remind-every}.
     */
    boolean alertDue(Relationship r, Instant now) {
        if (!r.tracking() || !drifting(r, now)) {
            return false;
        }
        Instant told = r.driftAlertedAt();
        return told == null || told.isBefore(r.lastCheckInAt()) || !told.plus(settings.remindEvery()).isAfter(now);
    }
}
