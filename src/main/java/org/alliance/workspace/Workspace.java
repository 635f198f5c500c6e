package org.alliance.workspace;

import java.time.Instant;

/**
 * A Slack workspace (team) the bot is installed in; every other document carries its id.
 * {@code needsReinstallSince} is set when Slack rejected its token (invalid_auth and the like):
 * it is still installed, but nothing can reach it until someone installs the app again.
 */
record Workspace(String teamId, String name, String botUserId, Instant connectedAt, Instant uninstalledAt,
                 Instant needsReinstallSince, String needsReinstallError) {

    public boolean installed() {
        return uninstalledAt == null;
    }

    /** Why nothing may be sent to it, or null when it can be reached. */
    String unreachable() {
        if (uninstalledAt != null) {
            return "the app was uninstalled (or its bot token revoked) at " + uninstalledAt;
        }
        if (needsReinstallSince != null) {
            return "Slack rejected its token (" + needsReinstallError + ") at " + needsReinstallSince
                    + "; it needs the app installed again";
        }
        return null;
    }
}
