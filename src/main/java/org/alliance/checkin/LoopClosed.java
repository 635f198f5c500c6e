package org.alliance.checkin;

import java.time.Instant;

/**
 * A leader acknowledged or first replied to an answer (or read an anonymous summary): what they
 * see of their own follow-through changed. Published after it is stored; listeners must be quick
 * and must not throw.
 */
public record LoopClosed(String teamId, String checkInId, String leaderId, Instant at) {
}
