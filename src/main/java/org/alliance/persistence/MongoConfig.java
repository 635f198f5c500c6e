package org.alliance.persistence;

import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfig {

    /**
     * Opened by {@link EarlyDatabase} while the rest was built; here when it was not, or when the
     * settings changed after it read them (a test's own initializer, say).
     */
    @Bean(destroyMethod = "close")
    OpenDatabase openDatabase(MongoSettings settings, EmbeddedMongoSettings embedded,
                              ObjectProvider<EarlyDatabase.Opening> early) {
        EarlyDatabase.Opening opening = early.getIfAvailable();
        Optional<OpenDatabase> opened = opening == null ? Optional.empty() : opening.take(settings, embedded);
        return opened.orElseGet(() -> OpenDatabase.open(settings, embedded));
    }

    @Bean
    DatabaseDescription databaseDescription(OpenDatabase database) {
        return database.description();
    }

    /** Closed by {@link OpenDatabase}, after every bean that uses it. */
    @Bean(destroyMethod = "")
    MongoClient mongoClient(OpenDatabase database) {
        return database.client();
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoSettings settings) {
        return client.getDatabase(settings.database());
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(MongoClient client, DatabaseDescription description) {
        return new MongoHealthIndicator(client, description);
    }
}
