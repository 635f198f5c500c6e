package org.alliance.workspace;

import java.time.Instant;

/**
 * Published after a workspace is marked uninstalled (the app was removed or its bot token
 * revoked): whoever holds something for that workspace that must not outlive the install, such as
 * its tokens or its pending jobs, lets go of it. Listeners run on the publishing thread: keep them
 * quick and never throw.
 */
public record WorkspaceUninstalled(String teamId, Instant at) {
}
