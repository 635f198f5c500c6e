package org.alliance.uninstall;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.alliance.workspace.Workspaces;
import org.springframework.stereotype.Component;

/**
 * Purges an uninstalled workspace's data once it has been gone for the retention time. It checks
 * again when it runs: a workspace installed again meanwhile keeps everything, and one uninstalled
 * again later is purged by that uninstall's own job.
 */
@Component
class PurgeJob implements JobHandler<PurgeData> {

    private final Workspaces workspaces;
    private final TeamDataPurge purge;
    private final UninstallSettings settings;
    private final Clock clock;

    PurgeJob(Workspaces workspaces, TeamDataPurge purge, UninstallSettings settings, Clock clock) {
        this.workspaces = workspaces;
        this.purge = purge;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public JobKind<PurgeData> kind() {
        return WorkspaceDeparture.PURGE;
    }

    @Override
    public Outcome run(Job<PurgeData> job) {
        String teamId = job.payload().teamId();
        Optional<Instant> uninstalledAt = workspaces.uninstalledAt(teamId);
        if (uninstalledAt.isEmpty()) {
            return Outcome.skipped("workspace " + teamId + " installed the app again; its data stays");
        }
        Instant purgeFrom = uninstalledAt.get().equals(Instant.MIN) ? Instant.MIN
                : uninstalledAt.get().plus(settings.afterUninstall());
        if (clock.instant().isBefore(purgeFrom)) {
            return Outcome.skipped("workspace " + teamId + " was uninstalled again at " + uninstalledAt.get()
                    + "; that uninstall's purge runs at " + purgeFrom);
        }
        Map<String, Long> deleted = purge.purge(teamId);
        long total = deleted.values().stream().mapToLong(Long::longValue).sum();
        // Ran: the job's own document went with the workspace's jobs, so this note is only logged.
        return new Outcome.Done("purged workspace " + teamId + ": " + total + " documents " + deleted);
    }
}
