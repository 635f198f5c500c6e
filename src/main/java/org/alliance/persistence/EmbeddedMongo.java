package org.alliance.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server on an H2 MVStore file, so a bot started with no database at all keeps its
 * data across restarts, and mongosh can still look at it over the wire protocol.
 */
final class EmbeddedMongo implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final Path file;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(Path file, MongoServer server, InetSocketAddress address) {
        this.file = file;
        this.server = server;
        this.address = address;
    }

    static EmbeddedMongo start(EmbeddedMongoSettings settings) {
        Path dir = settings.dataDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dir
                    + " (ALLIANCE_DATA_DIR): " + e.getMessage(), e);
        }
        Path file = dir.resolve("alliance.mv.db");
        H2Backend backend;
        try {
            backend = new H2Backend(file.toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot open the embedded database file " + file
                    + ". Is another Alliance instance using the same ALLIANCE_DATA_DIR? (" + e.getMessage() + ")", e);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(HOST, settings.port());
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException("Cannot listen on " + HOST + ":" + settings.port()
                    + " for the embedded database; set alliance.embedded-mongo.port to a free port ("
                    + e.getMessage() + ")", e);
        }
        return new EmbeddedMongo(file, server, server.getLocalAddress());
    }

    String connectionString() {
        return "mongodb://" + HOST + ":" + address.getPort();
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        // shutdown() closes the backend, which commits the MVStore: nothing written is lost.
        server.shutdownNow();
    }
}
