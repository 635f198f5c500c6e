package org.alliance.snooze;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;

/** Lets tests in other packages build {@link Snoozes} without Spring. */
public final class TestSnoozes {

    private TestSnoozes() {
    }

    public static Snoozes on(MongoDatabase database, Clock clock) {
        return new Snoozes(new SnoozeRepository(database), clock);
    }
}
