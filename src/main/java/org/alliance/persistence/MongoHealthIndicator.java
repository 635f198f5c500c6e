package org.alliance.persistence;

import com.mongodb.ReadPreference;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP while the driver sees a server it can write to. It reads what the driver's monitor already
 * knows (it checks every server in the background) instead of pinging, so health answers at once
 * even while the database is down; the readiness group then takes this instance out of service.
 */
class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final DatabaseDescription description;

    MongoHealthIndicator(MongoClient client, DatabaseDescription description) {
        super("MongoDB health check failed");
        this.client = client;
        this.description = description;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ClusterDescription cluster = client.getClusterDescription();
        boolean reachable = cluster.hasWritableServer() && cluster.hasReadableServer(ReadPreference.primary());
        (reachable ? builder.up() : builder.down())
                .withDetail("database", description.database())
                .withDetail("embedded", description.embedded())
                .withDetail("location", description.where());
        if (!reachable) {
            builder.withDetail("servers", cluster.getServerDescriptions().stream()
                    .map(MongoHealthIndicator::state).toList());
        }
    }

    private static String state(ServerDescription server) {
        String error = server.getException() == null ? "" : " (" + server.getException().getClass().getSimpleName() + ")";
        return server.getAddress() + ": " + server.getState() + error;
    }
}
