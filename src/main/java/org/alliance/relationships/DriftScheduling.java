package org.alliance.relationships;

import org.alliance.checkin.CheckInChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the daily drift sweeps going: each sweep schedules the next, a check-in (re)starts its
 * workspace's, and at start-up every workspace with relationships gets one and the backfill of
 * older check-ins is put on the schedule (it runs once per database, whatever the instances).
 */
@Component
class DriftScheduling {

    private static final Logger log = LoggerFactory.getLogger(DriftScheduling.class);

    private final DriftJobs jobs;
    private final RelationshipRepository relationships;

    DriftScheduling(DriftJobs jobs, RelationshipRepository relationships) {
        this.jobs = jobs;
        this.relationships = relationships;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        try {
            jobs.backfillOnce();
            relationships.teams().forEach(jobs::sweepTomorrow);
        } catch (RuntimeException e) {
            // The next check-in in a workspace schedules its sweep anyway; starting matters more.
            log.error("Could not schedule the drift sweeps at start-up: {}", e.getMessage(), e);
        }
    }

    @EventListener
    void on(CheckInChanged change) {
        if (change.change() != CheckInChanged.Change.STARTED) {
            return;
        }
        try {
            jobs.sweepTomorrow(change.teamId());
        } catch (RuntimeException e) {
            log.warn("Could not schedule the drift sweep of {}: {}", change.teamId(), e.getMessage());
        }
    }
}
