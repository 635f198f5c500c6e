package org.alliance.persistence;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database being opened: the embedded server started (or not, with {@code MONGODB_URI}), the
 * client created and a first ping answered. {@link EarlyDatabase} begins it on a thread of its own
 * as soon as the application context exists, so this second of work (the H2 file, netty, the
 * driver's first connection) overlaps the parsing of the configuration instead of following it;
 * the beans of {@link MongoConfig} then take what it opened. It owns both the server and the client
 * and closes them with the context.
 */
final class DatabaseOpening implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOpening.class);

    private final MongoSettings settings;
    private final EmbeddedMongoSettings embeddedSettings;
    private final CompletableFuture<Opened> opened;
    private boolean closed;

    private record Opened(EmbeddedMongo embedded, MongoClient client) {
    }

    private DatabaseOpening(MongoSettings settings, EmbeddedMongoSettings embeddedSettings,
                            CompletableFuture<Opened> opened) {
        this.settings = settings;
        this.embeddedSettings = embeddedSettings;
        this.opened = opened;
    }

    /** Opens on a new daemon thread; the result is waited for by {@link #embedded()} and {@link #client()}. */
    static DatabaseOpening inBackground(MongoSettings settings, EmbeddedMongoSettings embedded) {
        CompletableFuture<Opened> opened = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                opened.complete(open(settings, embedded));
            } catch (Throwable e) {
                opened.completeExceptionally(e);
            }
        }, "database-open");
        thread.setDaemon(true);
        thread.start();
        return new DatabaseOpening(settings, embedded, opened);
    }

    /** Opens on this thread. */
    static DatabaseOpening now(MongoSettings settings, EmbeddedMongoSettings embedded) {
        return new DatabaseOpening(settings, embedded, CompletableFuture.completedFuture(open(settings, embedded)));
    }

    /** Whether this was opened with these settings (a context's settings are bound once, but say so). */
    boolean openedWith(MongoSettings mongo, EmbeddedMongoSettings embedded) {
        return settings.equals(mongo) && embeddedSettings.equals(embedded);
    }

    /** The embedded server, or null with {@code MONGODB_URI}; a failure to open is thrown as it was. */
    EmbeddedMongo embedded() {
        return await().embedded();
    }

    MongoClient client() {
        return await().client();
    }

    /** Waits for an opening still under way (a second or so), so the data folder is free once this returns. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            close(opened.join());
        } catch (CompletionException e) {
            // The opening failed, and closed what it had opened.
        }
    }

    private Opened await() {
        try {
            return opened.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Opened open(MongoSettings settings, EmbeddedMongoSettings embeddedSettings) {
        EmbeddedMongo embedded = settings.embedded() ? EmbeddedMongo.start(embeddedSettings) : null;
        MongoClient client = null;
        try {
            String uri = embedded != null ? embedded.connectionString() : settings.uri();
            client = client(settings, uri);
            MongoDatabase database = client.getDatabase(settings.database());
            if (embedded == null) {
                // An unreachable or refusing server stops the start with one line that says so.
                MongoStartCheck.ping(database, new ConnectionString(uri).getHosts());
            } else {
                // The first round trip loads the driver's classes here rather than in the first repository.
                database.runCommand(new Document("ping", 1));
            }
            return new Opened(embedded, client);
        } catch (RuntimeException e) {
            close(new Opened(embedded, client));
            throw e;
        }
    }

    private static MongoClient client(MongoSettings settings, String uri) {
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
                        s.readTimeout((int) MongoConfig.READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                })
                .build());
    }

    private static void close(Opened opened) {
        try {
            if (opened.client() != null) {
                opened.client().close();
            }
        } catch (RuntimeException e) {
            log.warn("Closing the database client failed: {}", e.getMessage());
        } finally {
            if (opened.embedded() != null) {
                opened.embedded().close();
            }
        }
    }
}
