package org.alliance.install;

import org.alliance.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An org-wide install has no workspace of its own: each workspace of the org becomes one (reachable,
 * uninstalled and purged like any other) when the bot first hears from it.
 */
@Component
class OrgWorkspaces {

    private static final Logger log = LoggerFactory.getLogger(OrgWorkspaces.class);

    private final Workspaces workspaces;

    OrgWorkspaces(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @EventListener
    void on(InstallChanges.OrgWorkspaceSeen seen) {
        try {
            workspaces.connected(seen.teamId(), null, seen.botUserId());
            log.info("Workspace {} of organization {} is served by the org-wide install", seen.teamId(),
                    seen.enterpriseId());
        } catch (RuntimeException e) {
            // The request goes on; the workspace is recorded when the org is next installed.
            log.warn("Could not record workspace {} of organization {}: {}", seen.teamId(), seen.enterpriseId(),
                    e.getMessage());
        }
    }
}
