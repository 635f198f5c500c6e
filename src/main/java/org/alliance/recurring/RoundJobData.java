package org.alliance.recurring;

import java.time.LocalDateTime;

/** One round of a series, by its wall-clock occurrence (the series' {@code next} when it was scheduled). */
record RoundJobData(String seriesId, LocalDateTime occurrence) {
}
