package org.alliance.workspace;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
public class Workspaces {

    private final WorkspaceRepository repository;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Workspaces(WorkspaceRepository repository, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.clock = clock;
        this.events = events;
    }

    public void connected(String teamId, String name, String botUserId) {
        repository.connected(teamId, name, botUserId, clock.instant());
    }

    public void uninstalled(String teamId) {
        var at = clock.instant();
        repository.uninstalled(teamId, at);
        events.publishEvent(new WorkspaceUninstalled(teamId, at));
    }

    public Optional<Workspace> find(String teamId) {
        return repository.find(teamId);
    }
}
