package org.alliance.persistence;

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
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(connectionString)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
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
    MongoHealthIndicator mongoHealthIndicator(MongoDatabase database, DatabaseDescription description) {
        return new MongoHealthIndicator(database, description);
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
