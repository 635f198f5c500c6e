package org.alliance.persistence;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * mongo-java-server on an H2 MVStore file, so a bot started with no database at all keeps its
 * data across restarts, and mongosh can still look at it over the wire protocol.
 */
final class EmbeddedMongo implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final String README = MongoStartCheck.README;

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
            throw new DatabaseStartFailure("ALLIANCE_DATA_DIR: cannot create the data folder " + dir + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ").",
                    "Point ALLIANCE_DATA_DIR at a folder this user may write to, then start again (see " + README
                            + ").", e);
        }
        Path file = dir.resolve("alliance.mv.db");
        H2Backend backend;
        try {
            backend = new EmbeddedBackend(file.toString());
        } catch (RuntimeException e) {
            if (locked(e)) {
                throw new DatabaseStartFailure("ALLIANCE_DATA_DIR: the data folder " + dir
                        + " is in use by another Alliance instance (its file alliance.mv.db is locked).",
                        "Stop the other instance, or give this one its own ALLIANCE_DATA_DIR; several instances "
                                + "must share a MongoDB through MONGODB_URI instead (see " + README + ").", e);
            }
            throw new IllegalStateException("Cannot open the embedded database file " + file + " ("
                    + e.getMessage() + ")", e);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(HOST, settings.port());
        } catch (Exception e) {
            // Netty throws java.net.BindException though bind() declares no checked exception.
            backend.close();
            throw new DatabaseStartFailure("ALLIANCE_EMBEDDED_MONGO_PORT: the embedded database cannot listen on "
                    + HOST + ":" + settings.port() + " (" + rootMessage(e) + ").",
                    "Stop what uses that port, or set ALLIANCE_EMBEDDED_MONGO_PORT to a free port (0 picks one), "
                            + "then start again (see " + README + ").", e);
        }
        return new EmbeddedMongo(file, server, server.getLocalAddress());
    }

    /** H2 says so with its own error code when another process (or this one) holds the file. */
    private static boolean locked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MVStoreException m && m.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
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
