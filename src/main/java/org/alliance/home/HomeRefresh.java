package org.alliance.home;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.alliance.checkin.CheckInChanged;
import org.alliance.checkin.LoopClosed;
import org.alliance.commitments.CommitmentChanged;
import org.alliance.persistence.DatabaseOutage;
import org.alliance.playbooks.PlaybookChanged;
import org.alliance.recurring.SeriesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps Home current for the people who look at it. A change asks for a refresh of everyone it
 * concerns; each person's refresh waits {@link HomeSettings#debounce()} so a burst of changes
 * costs one publish, and then runs only if they have opened Home before. Publishes run one at a
 * time on their own thread, spaced per workspace to stay inside Slack's limit for
 * {@code views.publish} (Tier 4, about 100 a minute), and never hold up the thread that changed
 * something: listeners only take note.
 */
@Component
class HomeRefresh implements DisposableBean {

    static final Duration PUBLISH_GAP = Duration.ofMillis(600);
    private static final Logger log = LoggerFactory.getLogger(HomeRefresh.class);

    private final HomeTab homeTab;
    private final HomeOpeners openers;
    private final long debounceMillis;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> nextPublishNanos = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "home-refresh");
        t.setDaemon(true);
        return t;
    });

    HomeRefresh(HomeTab homeTab, HomeOpeners openers, HomeSettings settings) {
        this.homeTab = homeTab;
        this.openers = openers;
        this.debounceMillis = settings.debounce().toMillis();
    }

    @EventListener
    void on(CheckInChanged change) {
        change.concerned().forEach(userId -> request(change.teamId(), userId));
    }

    @EventListener
    void on(CommitmentChanged change) {
        request(change.teamId(), change.leaderId());
        request(change.teamId(), change.memberId());
    }

    /** The leader's own follow-through figures moved. */
    @EventListener
    void on(LoopClosed closed) {
        request(closed.teamId(), closed.leaderId());
    }

    @EventListener
    void on(SeriesChanged change) {
        request(change.teamId(), change.leaderId());
    }

    @EventListener
    void on(PlaybookChanged change) {
        request(change.teamId(), change.leaderId());
    }

    /** At most one refresh per person waits at a time; it reads whatever is true when it runs. */
    void request(String teamId, String userId) {
        String key = teamId + ":" + userId;
        if (!pending.add(key)) {
            return;
        }
        try {
            timer.schedule(() -> refresh(teamId, userId, key), debounceMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.remove(key); // shutting down: Home is read afresh on the next open anyway
        }
    }

    private void refresh(String teamId, String userId, String key) {
        // Let go first: a change from now on asks for a new refresh, so none is lost while this one publishes.
        pending.remove(key);
        try {
            if (openers.hasOpened(teamId, userId)) {
                awaitTurn(teamId);
                homeTab.publish(teamId, userId);
            }
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                log.warn("Refreshing the Home tab of {} failed: database unreachable ({})", userId,
                        DatabaseOutage.summary(e));
            } else {
                log.warn("Refreshing the Home tab of {} failed: {}", userId, e.getMessage(), e);
            }
        }
    }

    private void awaitTurn(String teamId) {
        long now = System.nanoTime();
        long at = nextPublishNanos.merge(teamId, now + PUBLISH_GAP.toNanos(),
                (free, ignored) -> Math.max(free, now) + PUBLISH_GAP.toNanos()) - PUBLISH_GAP.toNanos();
        long wait = at - now;
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
