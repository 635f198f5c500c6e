package org.alliance.schedule;

import java.time.Instant;
import java.util.Map;

/**
 * Work to do at a time, for a workspace. {@code key} names the work so that scheduling it twice
 * (a retried request, two instances) stores it once; {@code data} is for its handler.
 */
public record Job(String key, String teamId, String kind, Instant dueAt, Map<String, String> data) {

    public Job {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public String get(String name) {
        return data.get(name);
    }
}
