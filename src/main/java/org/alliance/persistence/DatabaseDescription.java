package org.alliance.persistence;

import java.nio.file.Path;

import com.mongodb.ConnectionString;

/** What the start-up log and health say about the database, never with credentials. */
public record DatabaseDescription(boolean embedded, String where, String database) {

    static DatabaseDescription embedded(Path file, String connectionString, String database) {
        return new DatabaseDescription(true,
                "embedded MongoDB-compatible server, file " + file + ", connect with " + connectionString + "/" + database,
                database);
    }

    static DatabaseDescription external(ConnectionString uri, String database) {
        return new DatabaseDescription(false, "MongoDB at " + String.join(",", uri.getHosts()), database);
    }

    @Override
    public String toString() {
        return where + " (database '" + database + "')";
    }
}
