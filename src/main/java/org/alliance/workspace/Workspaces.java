package org.alliance.workspace;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;

@Service
public class Workspaces {

    private final WorkspaceRepository repository;
    private final Clock clock;

    Workspaces(WorkspaceRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void connected(String teamId, String name, String botUserId) {
        repository.connected(teamId, name, botUserId, clock.instant());
    }

    public void uninstalled(String teamId) {
        repository.uninstalled(teamId, clock.instant());
    }

    public Optional<Workspace> find(String teamId) {
        return repository.find(teamId);
    }
}
