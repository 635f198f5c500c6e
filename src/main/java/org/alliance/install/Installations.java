package org.alliance.install;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.alliance.install.InstallationRepository.InstallationDocument;
import org.alliance.workspace.WorkspaceUninstalled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * The installs and their bot tokens, for whoever calls Slack on a workspace's behalf. Tokens are
 * sealed on the way in and opened on the way out; one sealed under an old key is sealed again
 * under the current one when used. Lookups are cached briefly, and the cache is dropped whenever
 * an install changes here, so a reinstall or uninstall takes effect at once on this instance.
 */
public class Installations {

    /** A token that expires soon: {@code installId} is what {@link #rotated} takes back. */
    public record ExpiringToken(String installId, String teamId, String enterpriseId, String refreshToken,
                                Instant expiresAt) {
        @Override
        public String toString() {
            return "ExpiringToken[" + installId + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** An install with its tokens opened. */
    record Opened(InstallationDocument document, String botToken, String refreshToken) {
    }

    static final Duration CACHE_FOR = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(Installations.class);

    private record Cached(Optional<String> token, Instant at) {
    }

    private final InstallationRepository repository;
    private final TokenCipher cipher;
    private final OAuthSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();

    Installations(InstallationRepository repository, TokenCipher cipher, OAuthSettings settings, Clock clock) {
        this(repository, cipher, settings, clock, event -> { });
    }

    Installations(InstallationRepository repository, TokenCipher cipher, OAuthSettings settings, Clock clock,
                  ApplicationEventPublisher events) {
        this.repository = repository;
        this.cipher = cipher;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /** True when workspaces install the bot with OAuth, so every token comes from here. */
    public boolean distribution() {
        return settings.enabled();
    }

    /** The bot token for a workspace, if the bot is installed there (itself or org-wide). */
    public Optional<String> botToken(String teamId) {
        if (teamId == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Cached cached = tokens.get(teamId);
        if (cached != null && cached.at().plus(CACHE_FOR).isAfter(now)) {
            return cached.token();
        }
        Optional<String> token = repository.findForTeam(teamId).map(this::open).map(Opened::botToken);
        tokens.put(teamId, new Cached(token, now));
        return token;
    }

    /** How many workspaces and orgs have the bot installed. */
    public long count() {
        return repository.count();
    }

    /** Installs with token rotation on whose bot token expires before {@code before}. */
    public List<ExpiringToken> expiringBefore(Instant before) {
        return repository.expiringBefore(before).stream().map(this::open)
                .map(o -> new ExpiringToken(o.document().id(), o.document().teamId(), o.document().enterpriseId(),
                        o.refreshToken(), o.document().botTokenExpiresAt()))
                .toList();
    }

    /** Stores a refreshed token pair; false if the install is gone (uninstalled meanwhile). */
    public boolean rotated(String installId, String botToken, String refreshToken, Instant expiresAt) {
        return rotated(installId, null, botToken, refreshToken, expiresAt);
    }

    /**
     * Stores a refreshed token pair only while the install still holds the token {@code before} was
     * read with: false if it was reinstalled, refreshed or uninstalled meanwhile.
     */
    boolean rotated(Opened before, String botToken, String refreshToken, Instant expiresAt) {
        return rotated(before.document().id(), before.document().botToken(), botToken, refreshToken, expiresAt);
    }

    private boolean rotated(String installId, SealedValue expected, String botToken, String refreshToken,
                            Instant expiresAt) {
        boolean stored = repository.replaceTokens(installId, expected, seal(botToken, installId, "botToken"),
                refreshToken == null ? null : seal(refreshToken, installId, "botRefreshToken"), expiresAt,
                clock.instant());
        tokens.clear();
        if (stored && refreshToken != null && expiresAt != null) {
            events.publishEvent(new InstallChanges.TokensStored(installId, expiresAt));
        }
        return stored;
    }

    /**
     * The app was uninstalled (or its bot token revoked) where an event came from: deletes an org's
     * install at once when it was the org's, and returns the workspaces that lost the bot: the org's
     * known workspaces, or just {@code teamId}. A workspace's own install goes with
     * {@link WorkspaceUninstalled}, like any.
     */
    public List<String> uninstalled(String enterpriseId, String teamId, boolean orgWide) {
        List<String> teams = new ArrayList<>();
        if (orgWide && enterpriseId != null) {
            Optional<InstallationDocument> org = repository.find(enterpriseId).filter(InstallationDocument::enterpriseInstall);
            org.map(InstallationDocument::teamIds).ifPresent(teams::addAll);
            if (org.isPresent() && repository.delete(enterpriseId)) {
                log.info("Deleted the org-wide install and bot token of organization {}, which uninstalled the bot;"
                        + " its {} known workspaces are uninstalled with it", enterpriseId, teams.size());
            }
            tokens.clear();
        }
        if (teamId != null && !teamId.equals(enterpriseId) && !teams.contains(teamId)) {
            teams.add(teamId);
        }
        return teams;
    }

    @EventListener
    void on(WorkspaceUninstalled event) {
        try {
            if (repository.delete(event.teamId())) {
                log.info("Deleted the install and bot token of workspace {}, which uninstalled the bot", event.teamId());
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete the install of workspace {}: {}", event.teamId(), e.getMessage());
        } finally {
            tokens.clear();
        }
    }

    // ---- for Bolt's InstallationService, the re-encryption task and this module ----------------

    void save(InstallationDocument document, String botToken, String refreshToken) {
        repository.save(document.withTokens(seal(botToken, document.id(), "botToken"),
                refreshToken == null ? null : seal(refreshToken, document.id(), "botRefreshToken"),
                document.botTokenExpiresAt(), clock.instant()));
        tokens.clear();
        if (refreshToken != null && document.botTokenExpiresAt() != null) {
            events.publishEvent(new InstallChanges.TokensStored(document.id(), document.botTokenExpiresAt()));
        }
    }

    /** The install as stored, tokens opened, without re-encrypting: what a refresh compares against. */
    Optional<Opened> current(String installId) {
        return repository.find(installId).map(this::openOnly);
    }

    /** The workspaces an org-wide install has served so far (none for a workspace's own install). */
    List<String> teamsOf(String installId) {
        return repository.find(installId).filter(InstallationDocument::enterpriseInstall)
                .map(InstallationDocument::teamIds).orElse(List.of());
    }

    /** A workspace's own install, else its org's (noting that the org's install now serves it). */
    Optional<Opened> find(String enterpriseId, String teamId) {
        if (enterpriseId != null) {
            Optional<InstallationDocument> org = repository.find(enterpriseId).filter(InstallationDocument::enterpriseInstall);
            if (org.isPresent()) {
                if (teamId != null && !org.get().teamIds().contains(teamId) && repository.addTeam(enterpriseId, teamId)) {
                    tokens.remove(teamId);
                    events.publishEvent(new InstallChanges.OrgWorkspaceSeen(enterpriseId, teamId, org.get().botUserId()));
                }
                return org.map(this::open);
            }
        }
        return teamId == null ? Optional.empty() : repository.find(teamId).map(this::open);
    }

    void delete(String installId) {
        repository.delete(installId);
        tokens.clear();
    }

    /** Seals every token under the current key; returns how many installs were changed. */
    int reencryptAll() {
        if (cipher == null) {
            throw new IllegalStateException("ALLIANCE_ENCRYPTION_KEY is not set, so there is no key to re-encrypt with");
        }
        int changed = 0;
        for (InstallationDocument document : repository.all()) {
            if (document.botToken() != null && !cipher.isCurrent(document.botToken()) && reseal(openOnly(document))) {
                changed++;
            }
        }
        tokens.clear();
        return changed;
    }

    /** The tokens in plain text, sealed again under the current key if they were under an old one. */
    private Opened open(InstallationDocument document) {
        Opened opened = openOnly(document);
        if (!cipher.isCurrent(document.botToken())) {
            reseal(opened);
        }
        return opened;
    }

    private Opened openOnly(InstallationDocument document) {
        String id = document.id();
        return new Opened(document, cipher.open(document.botToken(), id + "/botToken"),
                document.botRefreshToken() == null ? null
                        : cipher.open(document.botRefreshToken(), id + "/botRefreshToken"));
    }

    private boolean reseal(Opened opened) {
        InstallationDocument d = opened.document();
        return repository.replaceTokens(d.id(), d.botToken(), seal(opened.botToken(), d.id(), "botToken"),
                opened.refreshToken() == null ? null : seal(opened.refreshToken(), d.id(), "botRefreshToken"),
                d.botTokenExpiresAt(), clock.instant());
    }

    private SealedValue seal(String plaintext, String installId, String field) {
        return cipher.seal(plaintext, installId + "/" + field);
    }
}
