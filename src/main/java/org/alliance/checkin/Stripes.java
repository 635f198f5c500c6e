package org.alliance.checkin;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Serialises the follow-up work of one check-in within this instance, so two answers arriving
 * together cannot post the same share twice or leave the parent showing stale progress.
 * Across instances the conditional updates in the repositories keep the data right.
 */
@Component
class Stripes {

    private final Object[] locks = new Object[64];

    Stripes() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    <T> T with(String key, Supplier<T> work) {
        synchronized (locks[Math.floorMod(key.hashCode(), locks.length)]) {
            return work.get();
        }
    }

    void run(String key, Runnable work) {
        with(key, () -> {
            work.run();
            return null;
        });
    }
}
