package org.alliance.persistence;

import com.mongodb.ConnectionString;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. A blank {@code uri} means "use the embedded server", so the bot runs
 * with nothing installed; a real deployment sets {@code MONGODB_URI}.
 */
@ConfigurationProperties("alliance.mongodb")
record MongoSettings(String uri, String database) {

    public MongoSettings {
        uri = uri == null ? "" : uri.trim();
        database = database == null || database.isBlank() ? "alliance" : database.trim();
        if (!uri.isEmpty()) {
            try {
                new ConnectionString(uri);
            } catch (IllegalArgumentException e) {
                // The driver's reason names the part that is wrong, never the password.
                throw new IllegalArgumentException("MONGODB_URI is not a valid MongoDB connection string: "
                        + e.getMessage(), e);
            }
        }
    }

    boolean embedded() {
        return uri.isEmpty();
    }
}
