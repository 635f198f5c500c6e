package org.alliance.uninstall;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.alliance.workspace.WorkspaceNeedsReinstall;
import org.alliance.workspace.WorkspaceUninstalled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A workspace that can't be reached any more gets none of its waiting work: reminders, deadlines,
 * rounds and relayed replies are deleted, not held (what comes back on a reinstall is each
 * feature's call, see {@link org.alliance.workspace.WorkspaceReconnected}). An uninstall also plans
 * the purge of all its data, after {@code alliance.retention.after-uninstall}.
 */
@Component
class WorkspaceDeparture {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceDeparture.class);
    // Stored with every purge job: a purge already waiting in a database finds its handler by it.
    static final JobKind<PurgeData> PURGE = new JobKind<>("workspace.purge", PurgeData.class);

    private final Schedule schedule;
    private final UninstallSettings settings;

    WorkspaceDeparture(Schedule schedule, UninstallSettings settings) {
        this.schedule = schedule;
        this.settings = settings;
    }

    @EventListener
    void on(WorkspaceUninstalled event) {
        try {
            long cancelled = schedule.cancelAll(event.teamId());
            var purgeAt = event.at().plus(settings.afterUninstall());
            schedule.addEvenIfGone(new Job<>(PURGE.key(event.teamId(), event.at().toEpochMilli()), event.teamId(), PURGE,
                    purgeAt, new PurgeData(event.teamId(), event.at())));
            log.info("Workspace {} uninstalled: {} waiting jobs cancelled; its data is purged at {} unless it "
                    + "installs the app again before then", event.teamId(), cancelled, purgeAt);
        } catch (RuntimeException e) {
            log.error("Workspace {} uninstalled, but its jobs could not be cancelled or its purge planned: {}",
                    event.teamId(), e.getMessage(), e);
        }
    }

    @EventListener
    void on(WorkspaceNeedsReinstall event) {
        try {
            long cancelled = schedule.cancelAll(event.teamId());
            log.info("Workspace {} needs the app installed again: {} waiting jobs cancelled; its data is kept",
                    event.teamId(), cancelled);
        } catch (RuntimeException e) {
            log.error("Workspace {} needs a reinstall, but its jobs could not be cancelled: {}", event.teamId(),
                    e.getMessage(), e);
        }
    }
}
