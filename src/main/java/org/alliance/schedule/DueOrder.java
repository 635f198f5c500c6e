package org.alliance.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * When each job this instance knows of may next be claimed: a pending job at its due time, a claimed
 * one when its lease runs out. mongo-java-server uses no secondary index, so asking the database
 * "what is due?" reads every job; this order answers from memory and the claim goes by {@code _id}.
 * It is a hint, never the truth: a claim still checks the document, and a full rebuild now and then
 * brings in what other instances (or people with a Mongo shell) wrote. A rebuild may set a horizon:
 * work due after it is left out (it is read by a later rebuild), so memory holds the next few minutes
 * of work, not every future job (100,000 pending filled most of a 256 MB heap).
 */
final class DueOrder {

    record Entry(Instant at, String key) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : key.compareTo(other.key);
        }
    }

    /** One rebuild at a time (two runners may share the order); writers never wait on it. */
    private final Object rebuilding = new Object();
    private TreeSet<Entry> order = new TreeSet<>();
    private Map<String, Instant> byKey = new HashMap<>();
    /** Writes made while a rebuild reads the database (empty = removed); null when none runs. */
    private Map<String, Optional<Instant>> duringRebuild;
    /** Entries after this are not kept; {@link Instant#MAX} keeps all. */
    private Instant horizon = Instant.MAX;

    synchronized void put(String key, Instant at) {
        Instant stored = at.truncatedTo(ChronoUnit.MILLIS);
        if (duringRebuild != null) {
            duringRebuild.put(key, Optional.of(stored));
        }
        if (stored.isAfter(horizon)) {
            drop(key);
            return;
        }
        Instant before = byKey.put(key, stored);
        if (before != null) {
            order.remove(new Entry(before, key));
        }
        order.add(new Entry(stored, key));
    }

    private void drop(String key) {
        Instant before = byKey.remove(key);
        if (before != null) {
            order.remove(new Entry(before, key));
        }
    }

    synchronized void remove(String key) {
        drop(key);
        if (duringRebuild != null) {
            duringRebuild.put(key, Optional.empty());
        }
    }

    /** The first entry due at or before {@code now}, left in place. */
    synchronized Optional<Entry> due(Instant now) {
        if (order.isEmpty() || order.first().at().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(order.first());
    }

    synchronized int countDue(Instant now, int upTo) {
        int count = 0;
        for (Entry entry : order) {
            if (entry.at().isAfter(now) || count >= upTo) {
                break;
            }
            count++;
        }
        return count;
    }

    synchronized int size() {
        return order.size();
    }

    /**
     * Replaces the order with what {@code scan} reads, keeping what this instance wrote meanwhile
     * (the scan may have read those documents before or after the write).
     */
    void rebuild(Supplier<Iterable<Entry>> scan) {
        rebuild(scan, Instant.MAX);
    }

    /** As {@link #rebuild(Supplier)}, keeping only entries at or before {@code until} from now on. */
    void rebuild(Supplier<Iterable<Entry>> scan, Instant until) {
        synchronized (rebuilding) {
            rebuildAlone(scan, until);
        }
    }

    /** The horizon the last rebuild set. */
    synchronized Instant horizon() {
        return horizon;
    }

    private void rebuildAlone(Supplier<Iterable<Entry>> scan, Instant until) {
        synchronized (this) {
            duringRebuild = new LinkedHashMap<>();
        }
        Iterable<Entry> read;
        try {
            read = scan.get();
        } catch (RuntimeException e) {
            synchronized (this) {
                duringRebuild = null;
            }
            throw e;
        }
        TreeSet<Entry> fresh = new TreeSet<>();
        Map<String, Instant> freshKeys = new HashMap<>();
        for (Entry entry : read) {
            Entry stored = new Entry(entry.at().truncatedTo(ChronoUnit.MILLIS), entry.key());
            if (stored.at().isAfter(until)) {
                continue;
            }
            fresh.add(stored);
            freshKeys.put(stored.key(), stored.at());
        }
        synchronized (this) {
            Map<String, Optional<Instant>> writes = duringRebuild;
            duringRebuild = null;
            order = fresh;
            byKey = freshKeys;
            horizon = until;
            writes.forEach((key, at) -> {
                if (at.isPresent()) {
                    put(key, at.get());
                } else {
                    remove(key);
                }
            });
        }
    }
}
