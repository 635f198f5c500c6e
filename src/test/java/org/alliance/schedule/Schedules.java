package org.alliance.schedule;

import java.time.Clock;
import java.time.ZoneId;

import com.mongodb.client.MongoDatabase;

/** Lets tests in other packages build the schedule and working hours without Spring. */
public final class Schedules {

    private Schedules() {
    }

    /** The real schedule, storing its jobs in {@code database}. */
    public static Schedule on(MongoDatabase database, Clock clock) {
        return new Schedule(new JobRepository(database), clock);
    }

    /** Working hours that allow any time, with {@code defaultZone} for people Slack gives no zone. */
    public static WorkingHours anyTime(ZoneId defaultZone) {
        return new WorkingHours(new WorkingHoursSettings(null, null, null, false, defaultZone));
    }
}
