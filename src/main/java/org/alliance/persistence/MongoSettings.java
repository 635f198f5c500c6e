package org.alliance.persistence;

import java.time.Duration;

import com.mongodb.ConnectionString;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. A blank {@code uri} means "use the embedded server", so the bot runs
 * with nothing installed; a real deployment sets {@code MONGODB_URI}.
 *
 * @param serverSelectionTimeout how long a database call waits for a reachable server before it
 *                               fails; short, so a request still gets its answer within Slack's 3 s
 *                               while the database is down
 */
@ConfigurationProperties("alliance.mongodb")
record MongoSettings(String uri, String database, Duration serverSelectionTimeout) {

    public MongoSettings {
        uri = uri == null ? "" : uri.trim();
        database = database == null || database.isBlank() ? "alliance" : database.trim();
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(2) : serverSelectionTimeout;
        if (serverSelectionTimeout.toMillis() < 100 || serverSelectionTimeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("alliance.mongodb.server-selection-timeout must be between PT0.1S and "
                    + "PT30S (PT2S keeps requests within Slack's 3 seconds), but was " + serverSelectionTimeout);
        }
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
