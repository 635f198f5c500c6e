package org.alliance.persistence;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfig {

    /** Longer than any single query or batch this bot makes, short enough that a silent server is noticed. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Bean(destroyMethod = "close")
    EmbeddedMongoHolder embeddedMongo(MongoSettings settings, EmbeddedMongoSettings embedded) {
        return new EmbeddedMongoHolder(settings.embedded() ? EmbeddedMongo.start(embedded) : null);
    }

    @Bean
    DatabaseDescription databaseDescription(MongoSettings settings, EmbeddedMongoHolder holder) {
        return holder.mongo()
                .map(m -> DatabaseDescription.embedded(m.file(), m.connectionString(), settings.database()))
                .orElseGet(() -> DatabaseDescription.external(new ConnectionString(settings.uri()), settings.database()));
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoSettings settings, EmbeddedMongoHolder holder) {
        String uri = holder.mongo().map(EmbeddedMongo::connectionString).orElse(settings.uri());
        ConnectionString connectionString;
        try {
            connectionString = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MONGODB_URI is not a valid MongoDB connection string: " + e.getMessage(), e);
        }
        long selectMillis = settings.serverSelectionTimeout().toMillis();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(connectionString)
                // While the database is down a call fails after this, not after the driver's 30 s, so
                // every Slack request still gets its answer ("can't save right now") within 3 s.
                .applyToClusterSettings(c -> c.serverSelectionTimeout(selectMillis, TimeUnit.MILLISECONDS))
                // Opening a connection must not outlast selection; a read on a connection whose server
                // went silent (no reset, no close) gives up after READ_TIMEOUT unless the URI says otherwise.
                .applyToSocketSettings(s -> {
                    s.connectTimeout((int) selectMillis, TimeUnit.MILLISECONDS);
                    if (connectionString.getSocketTimeout() == null) {
                        s.readTimeout((int) READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                })
                .build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoSettings settings) {
        MongoDatabase database = client.getDatabase(settings.database());
        if (!settings.embedded()) {
            MongoStartCheck.ping(database, new ConnectionString(settings.uri()).getHosts());
        }
        return database;
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(MongoClient client, DatabaseDescription description) {
        return new MongoHealthIndicator(client, description);
    }


    /** Lets the embedded server be optional without a conditional bean per mode. */
    record EmbeddedMongoHolder(EmbeddedMongo embedded) implements AutoCloseable {
        Optional<EmbeddedMongo> mongo() {
            return Optional.ofNullable(embedded);
        }

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
