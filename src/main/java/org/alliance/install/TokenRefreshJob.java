package org.alliance.install;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import org.alliance.install.Installations.Opened;
import org.alliance.install.InstallationRepository.InstallationDocument;
import org.alliance.install.TokenRefreshPlanner.RefreshData;
import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.alliance.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refreshes a rotating bot token before it expires with {@code oauth.v2.access}
 * ({@code grant_type=refresh_token}) and stores the new pair, sealed, in place of the one it read.
 * Slack being away or busy is retried with growing waits (a 429 after its Retry-After); Slack
 * rejecting the refresh token means only a reinstall helps, so the install's workspaces are marked
 * as needing one and nothing more is tried.
 */
@Component
class TokenRefreshJob implements JobHandler<RefreshData> {

    static final Set<String> REJECTED = Set.of("invalid_refresh_token", "invalid_auth", "token_revoked",
            "account_inactive", "invalid_grant_type");
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(TokenRefreshJob.class);

    private final Installations installations;
    private final Slack slack;
    private final OAuthSettings oauth;
    private final Workspaces workspaces;
    private final Clock clock;

    TokenRefreshJob(Installations installations, Slack slack, OAuthSettings oauth, Workspaces workspaces, Clock clock) {
        this.installations = installations;
        this.slack = slack;
        this.oauth = oauth;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @Override
    public JobKind<RefreshData> kind() {
        return TokenRefreshPlanner.REFRESH;
    }

    @Override
    public Map<String, String> logContext(RefreshData payload) {
        return Map.of("install.id", payload.installId());
    }

    @Override
    public Outcome run(Job<RefreshData> job) {
        RefreshData planned = job.payload();
        Optional<Opened> current = installations.current(planned.installId());
        if (current.isEmpty() || current.get().refreshToken() == null) {
            return Outcome.skipped("install " + planned.installId() + " is gone or has no refresh token");
        }
        if (!Objects.equals(current.get().document().botTokenExpiresAt(), planned.expiresAt())) {
            return Outcome.skipped("the token of " + planned.installId() + " was replaced since (reinstall or refresh)");
        }
        if (!oauth.enabled()) {
            return Outcome.skipped("distribution mode is off (no SLACK_CLIENT_ID), so there is nothing to refresh with");
        }
        String where = where(current.get().document());
        OAuthV2AccessResponse response;
        try {
            response = slack.methods().oauthV2Access(r -> r.clientId(oauth.clientId()).clientSecret(oauth.clientSecret())
                    .grantType("refresh_token").refreshToken(current.get().refreshToken()));
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                Instant at = clock.instant().plusSeconds(retryAfterSeconds(e));
                log.warn("Refreshing the bot token of {} was rate limited by Slack; trying again at {}", where, at);
                return new Outcome.Later(at, "rate limited");
            }
            return retry(planned, where, "HTTP " + e.getResponse().code());
        } catch (IOException e) {
            return retry(planned, where, "Slack could not be reached: " + e.getMessage());
        }
        if (!response.isOk()) {
            if (REJECTED.contains(response.getError())) {
                List<String> teams = teamsOf(current.get().document());
                log.error("Slack rejected the refresh token of {} ({}): not retrying; the app must be installed there"
                        + " again", where, response.getError());
                teams.forEach(team -> workspaces.needsReinstall(team, response.getError()));
                return Outcome.skipped("refresh token rejected (" + response.getError() + ")");
            }
            return retry(planned, where, "Slack said " + response.getError());
        }
        if (response.getAccessToken() == null || response.getExpiresIn() == null) {
            return retry(planned, where, "Slack's answer had no token or no expiry");
        }
        Instant expiresAt = clock.instant().plusSeconds(response.getExpiresIn());
        String refresh = response.getRefreshToken() == null ? current.get().refreshToken() : response.getRefreshToken();
        if (!installations.rotated(current.get(), response.getAccessToken(), refresh, expiresAt)) {
            log.warn("Refreshed the bot token of {}, but its install changed meanwhile (reinstalled or uninstalled);"
                    + " the new token is not stored", where);
            return Outcome.skipped("install changed while refreshing");
        }
        log.info("Refreshed the bot token of {}; the new one expires at {}", where, expiresAt);
        return new Outcome.Done("refreshed; the new token expires at " + expiresAt);
    }

    /** Waits as long as it has already been failing (at least a minute, at most half an hour). */
    private Outcome retry(RefreshData planned, String where, String why) {
        Instant now = clock.instant();
        Duration failing = Duration.between(planned.plannedAt(), now);
        Duration wait = failing.compareTo(FIRST_RETRY) < 0 ? FIRST_RETRY
                : failing.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : failing;
        Instant at = now.plus(wait);
        log.warn("Could not refresh the bot token of {} ({}); the current token expires at {}; trying again at {}",
                where, why, planned.expiresAt(), at);
        return new Outcome.Later(at, "refresh failed: " + why);
    }

    private static List<String> teamsOf(InstallationDocument install) {
        return install.enterpriseInstall() ? install.teamIds() : List.of(install.teamId());
    }

    private static String where(InstallationDocument install) {
        return install.enterpriseInstall() ? "organization " + install.enterpriseId() : "workspace " + install.teamId();
    }

    private static long retryAfterSeconds(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return header == null ? 60 : Math.max(1, Long.parseLong(header.trim()));
        } catch (NumberFormatException notANumber) {
            return 60;
        }
    }
}
