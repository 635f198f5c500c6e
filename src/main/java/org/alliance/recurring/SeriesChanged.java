package org.alliance.recurring;

import java.time.Instant;

/**
 * A recurring check-in was paused, resumed or stopped. Published after the change is stored, for
 * its leader's views (Home); listeners must be quick and must not throw.
 */
public record SeriesChanged(String teamId, String seriesId, String leaderId, Instant at) {
}
