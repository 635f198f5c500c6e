package org.alliance.workspace;

import java.time.Instant;

/**
 * Published when a workspace that was uninstalled or needed a reinstall is installed again (its
 * data, kept since, is picked up): features bring back the scheduled work they want to resume.
 * Listeners run on the publishing thread: keep them quick and never throw.
 */
public record WorkspaceReconnected(String teamId, Instant at) {
}
