package org.alliance.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * Work to do at a time, for a workspace. {@code key} names the work so that scheduling it twice
 * (a retried request, two instances) stores it once; {@code payload} is for its handler.
 */
public record Job<P extends Record>(String key, String teamId, JobKind<P> kind, Instant dueAt, P payload) {

    public Job {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(payload, "payload");
        // Generics are erased at run time: a raw caller could still pair a kind with another record.
        if (!kind.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException("job " + key + " of kind " + kind.name() + " needs a "
                    + kind.payloadType().getSimpleName() + ", not a " + payload.getClass().getSimpleName());
        }
    }
}
