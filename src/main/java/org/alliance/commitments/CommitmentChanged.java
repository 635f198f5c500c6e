package org.alliance.commitments;

import java.time.Instant;

/**
 * A commitment was made, marked done or rated. Published after the change is stored, for the
 * views of the two people it is between (Home, history); listeners must be quick and not throw.
 */
public record CommitmentChanged(String teamId, String commitmentId, String leaderId, String memberId,
                                String checkInId, Instant at) {
}
