package org.alliance.persistence;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final DatabaseDescription description;

    MongoHealthIndicator(MongoDatabase database, DatabaseDescription description) {
        super("MongoDB health check failed");
        this.database = database;
        this.description = description;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up()
                .withDetail("database", description.database())
                .withDetail("embedded", description.embedded())
                .withDetail("location", description.where());
    }
}
