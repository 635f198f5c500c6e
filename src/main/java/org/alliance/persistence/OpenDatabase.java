package org.alliance.persistence;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * The database as the bot starts with it: the embedded server when no {@code MONGODB_URI} is set,
 * and a client to it that has already been answered once (a {@code MONGODB_URI} must answer, or the
 * start stops with its host named). Closing closes the client, then the server.
 */
final class OpenDatabase implements AutoCloseable {

    /** Longer than any single query or batch this bot makes, short enough that a silent server is noticed. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedMongo embedded;
    private final MongoClient client;
    private final DatabaseDescription description;

    private OpenDatabase(EmbeddedMongo embedded, MongoClient client, DatabaseDescription description) {
        this.embedded = embedded;
        this.client = client;
        this.description = description;
    }

    /**
     * Fails, having closed what it opened, with a {@link DatabaseStartFailure} or an
     * {@link IllegalStateException} where an operator can act, else with the driver's exception.
     */
    static OpenDatabase open(MongoSettings settings, EmbeddedMongoSettings embeddedSettings) {
        EmbeddedMongo embedded = settings.embedded() ? EmbeddedMongo.start(embeddedSettings) : null;
        MongoClient client = null;
        try {
            String uri = embedded != null ? embedded.connectionString() : settings.uri();
            ConnectionString connectionString = connectionString(uri);
            client = client(settings, connectionString);
            MongoDatabase database = client.getDatabase(settings.database());
            if (embedded == null) {
                MongoStartCheck.ping(database, connectionString.getHosts());
                return new OpenDatabase(null, client, DatabaseDescription.external(connectionString, settings.database()));
            }
            warmUp(database);
            return new OpenDatabase(embedded, client,
                    DatabaseDescription.embedded(embedded.file(), uri, settings.database()));
        } catch (RuntimeException | Error e) {
            if (client != null) {
                client.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * The first answer costs the most (connecting, and the classes on both sides); it is asked for
     * here so the start's first query doesn't pay for it. Only a warm-up: a server this slow to
     * answer on a busy machine is asked again by that query, under its own timeout.
     */
    private static void warmUp(MongoDatabase database) {
        try {
            database.runCommand(new Document("ping", 1));
        } catch (MongoException e) {
            // See above: the start goes on.
        }
    }

    private static ConnectionString connectionString(String uri) {
        try {
            return new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MONGODB_URI is not a valid MongoDB connection string: " + e.getMessage(), e);
        }
    }

    private static MongoClient client(MongoSettings settings, ConnectionString connectionString) {
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

    MongoClient client() {
        return client;
    }

    DatabaseDescription description() {
        return description;
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            // Closing the server closes its backend, which commits the file: nothing written is lost.
            embedded.close();
        }
    }
}
