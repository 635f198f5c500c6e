package org.alliance.persistence;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded server listens on loopback only: it has no authentication, so it must never be
 * reachable from another machine. Port 0 picks a free port (the tests use it).
 */
@ConfigurationProperties("alliance.embedded-mongo")
record EmbeddedMongoSettings(Integer port, Path dataDir) {

    public EmbeddedMongoSettings {
        port = port == null ? 27018 : port;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "alliance.embedded-mongo.port must be between 0 and 65535, but was " + port);
        }
    }
}
