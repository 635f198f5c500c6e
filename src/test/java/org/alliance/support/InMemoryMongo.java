package org.alliance.support;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * mongo-java-server in memory on a loopback port, for testing repositories and services without
 * Spring. The client uses the driver's default codec registry, as {@code persistence/OpenDatabase}
 * does, so records, enums and java.time values are stored exactly as in the application.
 * One server serves every test in the JVM; each test takes a {@link #freshDatabase()}.
 */
public final class InMemoryMongo {

    private static InMemoryMongo shared;

    private final MongoServer server;
    private final MongoClient client;
    private final AtomicInteger databases = new AtomicInteger();

    private InMemoryMongo(MongoServer server, MongoClient client) {
        this.server = server;
        this.client = client;
    }

    /** An empty database of its own, so no test sees another's documents. */
    public static MongoDatabase freshDatabase() {
        InMemoryMongo mongo = shared();
        return mongo.client.getDatabase("test" + mongo.databases.incrementAndGet());
    }

    private static synchronized InMemoryMongo shared() {
        if (shared == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            MongoClient client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":"
                            + address.getPort()))
                    .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                    .build());
            shared = new InMemoryMongo(server, client);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                server.shutdownNow();
            }, "in-memory-mongo-shutdown"));
        }
        return shared;
    }
}
