package org.alliance.workspace;

import java.time.Instant;

/**
 * Published once when Slack first rejects a workspace's token ({@code invalid_auth},
 * {@code account_inactive}, {@code token_revoked}): it stays installed, its data stays, but nothing
 * can reach it until the app is installed again ({@link WorkspaceReconnected}). Listeners run on
 * the publishing thread: keep them quick and never throw.
 */
public record WorkspaceNeedsReinstall(String teamId, String error, Instant at) {
}
