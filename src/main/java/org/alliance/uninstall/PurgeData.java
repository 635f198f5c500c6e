package org.alliance.uninstall;

import java.time.Instant;

/** The workspace to purge, and the uninstall that planned it (stored field names: never rename). */
record PurgeData(String teamId, Instant uninstalledAt) {
}
