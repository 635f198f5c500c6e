package org.alliance.install;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plans one refresh per rotating token, {@code refresh-before} ahead of its expiry, whenever a token
 * pair is stored (install, reinstall, refresh). The key carries the expiry, so each token is
 * refreshed once however many instances plan it; a job for a token since replaced finds nothing to do.
 */
@Component
class TokenRefreshPlanner {

    // Stored with every refresh job: never rename.
    static final JobKind<RefreshData> REFRESH = new JobKind<>("install.token-refresh", RefreshData.class);
    private static final Logger log = LoggerFactory.getLogger(TokenRefreshPlanner.class);

    /**
     * The install whose token to refresh, the expiry of the token it was planned for, and when it was
     * first due (retries back off from then). Stored field names: never rename.
     */
    record RefreshData(String installId, Instant expiresAt, Instant plannedAt) {
    }

    private final Schedule schedule;
    private final TokenRotationSettings settings;
    private final Clock clock;

    TokenRefreshPlanner(Schedule schedule, TokenRotationSettings settings, Clock clock) {
        this.schedule = schedule;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(InstallChanges.TokensStored stored) {
        Instant at = refreshAt(stored.expiresAt());
        try {
            // Even for a workspace marked unreachable: this is its reinstall, stored before it is marked back.
            schedule.addEvenIfGone(new Job<>(REFRESH.key(stored.installId(), stored.expiresAt().toEpochMilli()),
                    stored.installId(), REFRESH, at, new RefreshData(stored.installId(), stored.expiresAt(), at)));
            log.info("The bot token of {} expires at {}; it is refreshed at {}", stored.installId(),
                    stored.expiresAt(), at);
        } catch (RuntimeException e) {
            log.error("The bot token of {} expires at {}, but its refresh could not be planned: {}",
                    stored.installId(), stored.expiresAt(), e.getMessage(), e);
        }
    }

    /**
     * {@code refresh-before} ahead of the expiry, but never sooner than halfway there, so a token that
     * lives shorter than that is not refreshed over and over.
     */
    Instant refreshAt(Instant expiresAt) {
        Instant now = clock.instant();
        Instant halfway = now.plus(Duration.between(now, expiresAt).dividedBy(2));
        Instant ahead = expiresAt.minus(settings.refreshBefore());
        return ahead.isAfter(halfway) ? ahead : halfway;
    }
}
