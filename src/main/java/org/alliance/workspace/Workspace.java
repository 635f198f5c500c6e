package org.alliance.workspace;

import java.time.Instant;

/** A Slack workspace (team) the bot is installed in; every other document carries its id. */
record Workspace(String teamId, String name, String botUserId, Instant connectedAt, Instant uninstalledAt) {

    public boolean installed() {
        return uninstalledAt == null;
    }
}
