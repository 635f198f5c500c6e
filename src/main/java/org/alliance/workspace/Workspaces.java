package org.alliance.workspace;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
public class Workspaces {

    private static final Logger log = LoggerFactory.getLogger(Workspaces.class);

    private final WorkspaceRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final WorkspaceReachability reachability;

    Workspaces(WorkspaceRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
        this.reachability = new WorkspaceReachability(repository);
    }

    public void connected(String teamId, String name, String botUserId) {
        var at = clock.instant();
        Optional<Workspace> before = repository.connected(teamId, name, botUserId, at);
        reachability.forget(teamId);
        if (before.isPresent() && before.get().unreachable() != null) {
            log.info("Workspace {} is installed again; {} no longer holds", teamId, before.get().unreachable());
            events.publishEvent(new WorkspaceReconnected(teamId, at));
        }
    }

    public void uninstalled(String teamId) {
        var at = clock.instant();
        repository.uninstalled(teamId, at);
        reachability.forget(teamId);
        log.info("Workspace {} uninstalled the app: nothing is sent to it any more and its data is kept until the "
                + "after-uninstall retention runs out", teamId);
        events.publishEvent(new WorkspaceUninstalled(teamId, at));
    }

    /**
     * Slack rejected the workspace's token: marks it (once), so no further call is tried until it is
     * installed again.
     */
    public void needsReinstall(String teamId, String error) {
        var at = clock.instant();
        boolean marked = repository.needsReinstall(teamId, error, at);
        reachability.forget(teamId);
        if (marked) {
            log.error("Slack rejected the token of workspace {} ({}): no more calls are made for it until the app "
                    + "is installed there again", teamId, error);
            events.publishEvent(new WorkspaceNeedsReinstall(teamId, error, at));
        }
    }

    /** Why nothing may be sent to the workspace (uninstalled, or its token rejected); empty when it can be reached. */
    public Optional<String> unreachable(String teamId) {
        return teamId == null ? Optional.empty() : reachability.unreachable(teamId);
    }

    /**
     * When the workspace was uninstalled, if it is now; empty when it is installed. A workspace the bot
     * has no record of counts as uninstalled at {@link java.time.Instant#MIN}: nothing of it is kept.
     */
    public Optional<java.time.Instant> uninstalledAt(String teamId) {
        return repository.find(teamId).map(w -> Optional.ofNullable(w.uninstalledAt()))
                .orElse(Optional.of(java.time.Instant.MIN));
    }

    public Optional<Workspace> find(String teamId) {
        return repository.find(teamId);
    }
}
