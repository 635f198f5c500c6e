package org.alliance.persistence;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's order for the keys of mongo-java-server's unique indexes, the same order, found with less work.
 * H2 has no type for those keys ({@link KeyValue}), so it orders them by their Java-serialized bytes,
 * and it serialized both keys again at every comparison: each lookup or insert in an index serialized a
 * few dozen keys. In the benchmark's load of {@code /alliance start} that was 30% of the garbage
 * (issue #12, docs/benchmarks.md). Here the bytes of the keys compared last are kept, looked up by the
 * key object itself: the key being searched for, and the keys of the index pages near the root, which
 * every search passes. Keys are compared exactly as before, so a file written either way reads the same.
 */
final class SerializedOrder extends ObjectDataType {

    /** A power of two; at most this many keys and their bytes are held, about 1 MB for short keys. */
    private static final int SLOTS = 4096;
    /** Shared by every index: two threads may overwrite a slot, which costs a serialization, no more. */
    private static final Serialized[] RECENT = new Serialized[SLOTS];

    private record Serialized(Object key, byte[] bytes) {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue && b instanceof KeyValue) {
            // What H2 does for two objects of a type it has none for, that aren't Comparable.
            return compareNotNull(bytes(a), bytes(b));
        }
        return super.compare(a, b);
    }

    static byte[] bytes(Object key) {
        int slot = System.identityHashCode(key) & (SLOTS - 1);
        Serialized recent = RECENT[slot];
        if (recent != null && recent.key() == key) {
            return recent.bytes();
        }
        byte[] bytes = serialize(key);
        RECENT[slot] = new Serialized(key, bytes);
        return bytes;
    }
}
