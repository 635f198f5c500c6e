package org.alliance.persistence;

import java.time.Duration;
import java.util.Optional;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfig {

    /** Longer than any single query or batch this bot makes, short enough that a silent server is noticed. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /** Takes over the opening {@link EarlyDatabase} began for this context, or opens the database now. */
    @Bean(destroyMethod = "close")
    DatabaseOpening databaseOpening(MongoSettings settings, EmbeddedMongoSettings embedded,
                                    ObjectProvider<EarlyDatabase.Begun> early) {
        EarlyDatabase.Begun begun = early.getIfAvailable();
        if (begun != null) {
            if (begun.opening().openedWith(settings, embedded)) {
                return begun.opening();
            }
            begun.opening().close();
        }
        return DatabaseOpening.now(settings, embedded);
    }

    /** The opening owns the server: closed with it. */
    @Bean(destroyMethod = "")
    EmbeddedMongoHolder embeddedMongo(DatabaseOpening opening) {
        return new EmbeddedMongoHolder(opening.embedded());
    }

    @Bean
    DatabaseDescription databaseDescription(MongoSettings settings, EmbeddedMongoHolder holder) {
        return holder.mongo()
                .map(m -> DatabaseDescription.embedded(m.file(), m.connectionString(), settings.database()))
                .orElseGet(() -> DatabaseDescription.external(new ConnectionString(settings.uri()), settings.database()));
    }

    /** The opening owns the client: closed with it. */
    @Bean(destroyMethod = "")
    MongoClient mongoClient(DatabaseOpening opening) {
        return opening.client();
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoSettings settings) {
        // DatabaseOpening has had its ping answered.
        return client.getDatabase(settings.database());
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(MongoClient client, DatabaseDescription description) {
        return new MongoHealthIndicator(client, description);
    }


    /** Lets the embedded server be optional without a conditional bean per mode. */
    record EmbeddedMongoHolder(EmbeddedMongo embedded) {
        Optional<EmbeddedMongo> mongo() {
            return Optional.ofNullable(embedded);
        }
    }
}
