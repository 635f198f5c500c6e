package org.alliance.schedule;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * A kind of scheduled work and the record its handler gets. {@code name} is stored with every job
 * and the payload's component names are its stored field names, so neither may change once jobs
 * of the kind can be waiting in a database.
 */
public record JobKind<P extends Record>(String name, Class<P> payloadType) {

    public JobKind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
        // A payload the codec can't store stops the application at startup, not at the first job.
        PayloadCodec.check(payloadType);
    }

    /** A job key: the kind's name, then {@code parts}, joined by ':'. */
    public String key(Object... parts) {
        StringJoiner key = new StringJoiner(":").add(name);
        for (Object part : parts) {
            key.add(String.valueOf(part));
        }
        return key.toString();
    }

    /** The stored name, so that a kind reads in keys and logs as it is stored. */
    @Override
    public String toString() {
        return name;
    }
}
