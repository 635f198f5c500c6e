package org.alliance.relationships;

import java.time.LocalDate;

/** The payloads of the drift jobs. Their component names are stored: they must not change. */
final class DriftJobData {

    private DriftJobData() {
    }

    /** One workspace's daily look for people drifting away, on {@code day} (UTC). */
    record Sweep(LocalDate day) {
    }

    /** One leader's drift alert, meant for {@code day} in their own time zone. */
    record Alert(String leaderId, LocalDate day) {
    }

    /** Building relationships from check-ins stored before they were kept; {@code version} runs once per database. */
    record Backfill(int version) {
    }
}
