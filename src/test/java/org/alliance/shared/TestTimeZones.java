package org.alliance.shared;

import java.time.ZoneId;

import org.alliance.schedule.Schedules;
import org.alliance.slack.People;

/** Lets tests in other packages build {@link TimeZones} without Spring. */
public final class TestTimeZones {

    private TestTimeZones() {
    }

    /** Each person's zone from {@code people}, else {@code defaultZone}. */
    public static TimeZones of(People people, ZoneId defaultZone) {
        return new TimeZones(people, Schedules.anyTime(defaultZone));
    }
}
