package org.alliance.shared;

import java.time.ZoneId;

import org.alliance.schedule.WorkingHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.alliance.slack.People;

/** A person's own time zone: their Slack profile's tz, else its offset, else the workspace default. */
@Component
public class TimeZones {

    private static final Logger log = LoggerFactory.getLogger(TimeZones.class);

    private final People people;
    private final WorkingHours workingHours;

    TimeZones(People people, WorkingHours workingHours) {
        this.people = people;
        this.workingHours = workingHours;
    }

    public ZoneId of(String teamId, String userId) {
        try {
            return people.find(teamId, userId).map(p -> workingHours.zoneOf(p.timeZone(), p.tzOffsetSeconds()))
                    .orElseGet(() -> workingHours.zoneOf(null, null));
        } catch (RuntimeException e) {
            // A time zone is a nicety: Slack being unreachable must not stop the work that asked.
            log.warn("Could not look up the time zone of {} in team {}: {}", userId, teamId, e.getMessage());
            return workingHours.zoneOf(null, null);
        }
    }
}
