package org.alliance.workspace;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether each workspace can be reached, as last read, so that every Web API call can ask without a
 * database read. This instance's own changes replace the entry at once; another instance's (a
 * reinstall served there) are seen once the entry is older than {@link #FRESH_FOR}.
 */
final class WorkspaceReachability {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private record Entry(Optional<String> unreachable, long readAtNanos) {
    }

    private final WorkspaceRepository repository;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every change, so a read that a change overtook is not kept as if it were current. */
    private final AtomicLong changes = new AtomicLong();

    WorkspaceReachability(WorkspaceRepository repository) {
        this.repository = repository;
    }

    /** Why nothing may be sent to the workspace; empty when it can be reached or isn't known. */
    Optional<String> unreachable(String teamId) {
        long now = System.nanoTime();
        Entry entry = entries.get(teamId);
        if (entry == null || now - entry.readAtNanos() > FRESH_FOR.toNanos()) {
            long seen = changes.get();
            entry = new Entry(repository.find(teamId).map(Workspace::unreachable), now);
            entries.put(teamId, entry);
            if (changes.get() != seen) {
                entries.remove(teamId, entry);
            }
        }
        return entry.unreachable();
    }

    /** Call after the workspace's stored state changed. */
    void forget(String teamId) {
        changes.incrementAndGet();
        entries.remove(teamId);
    }
}
