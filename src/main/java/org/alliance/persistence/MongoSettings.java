package org.alliance.persistence;

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
    }

    boolean embedded() {
        return uri.isEmpty();
    }
}
