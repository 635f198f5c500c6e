package org.alliance.slack;

import org.alliance.install.Installations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

@Component("slackHealthIndicator")
class SlackHealthIndicator implements HealthIndicator {

    private final SlackConnection connection;
    private final Installations installations;

    SlackHealthIndicator(SlackConnection connection, Installations installations) {
        this.connection = connection;
        this.installations = installations;
    }

    @Override
    public Health health() {
        SlackConnection.State state = connection.state();
        Health.Builder builder = state.ready() ? Health.up() : Health.down();
        builder.withDetail("state", state.name())
                .withDetail("mode", connection.socketMode() ? "socket" : "http")
                .withDetail("detail", state.detail());
        if (installations.distribution() && state.ready()) {
            builder.withDetail("installedWorkspaces", installations.count());
        }
        state.identity().ifPresent(id -> builder.withDetail("workspace", id.teamName()).withDetail("teamId", id.teamId()));
        return builder.build();
    }
}
