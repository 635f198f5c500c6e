package org.alliance.install;

import java.time.Instant;

/** What {@link Installations} tells the rest of this module, as Spring events (published synchronously). */
final class InstallChanges {

    private InstallChanges() {
    }

    /** A rotating token pair was stored for an install: its next refresh is planned from {@code expiresAt}. */
    record TokensStored(String installId, Instant expiresAt) {
    }

    /** An org-wide install served a workspace of the org for the first time. */
    record OrgWorkspaceSeen(String enterpriseId, String teamId, String botUserId) {
    }
}
