package org.alliance.schedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Keeps messages inside each person's working day: the same instant can be mid-morning for one
 * participant and the middle of the night for another, so every check is made in the person's zone.
 */
public final class WorkingHours {

    private final LocalTime start;
    private final LocalTime end;
    private final Set<DayOfWeek> days;
    private final boolean enabled;
    private final ZoneId defaultZone;

    public WorkingHours(WorkingHoursSettings settings) {
        this.start = settings.start();
        this.end = settings.end();
        this.days = settings.daySet();
        this.enabled = settings.enabled();
        this.defaultZone = settings.defaultZone();
    }

    /** Whether {@code at} is on a working day in {@code zone}, from start (inclusive) to end (exclusive). */
    public boolean allows(Instant at, ZoneId zone) {
        if (!enabled) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** {@code at} if it is allowed, else the next start of a working day in {@code zone}. */
    public Instant nextAllowed(Instant at, ZoneId zone) {
        if (allows(at, zone)) {
            return at;
        }
        LocalDate date = at.atZone(zone).toLocalDate();
        // Eight days always reach a working day: the settings guarantee at least one.
        for (int i = 0; i <= 8; i++, date = date.plusDays(1)) {
            if (!days.contains(date.getDayOfWeek())) {
                continue;
            }
            // of() moves a start that falls in a DST gap forward by the gap, which is what a person would expect.
            ZonedDateTime opening = ZonedDateTime.of(date, start, zone);
            if (opening.toInstant().isAfter(at)) {
                return opening.toInstant();
            }
            // In an autumn overlap the wall-clock start happens twice; the second one may still be ahead.
            Instant later = opening.withLaterOffsetAtOverlap().toInstant();
            if (later.isAfter(at)) {
                return later;
            }
        }
        throw new IllegalStateException("no working day within a week; days were " + days);
    }

    /**
     * The zone to use for a person: Slack's IANA name when it is one we know, else the fixed
     * offset Slack also gives (right today, though it misses the next DST change), else the default.
     */
    public ZoneId zoneOf(String tz, Integer tzOffsetSeconds) {
        if (tz != null && !tz.isBlank()) {
            try {
                return ZoneId.of(tz.strip());
            } catch (DateTimeException unknown) {
                // fall through: a zone our tz database lacks shouldn't stop the message
            }
        }
        if (tzOffsetSeconds != null) {
            try {
                return ZoneOffset.ofTotalSeconds(tzOffsetSeconds);
            } catch (DateTimeException outOfRange) {
                // fall through
            }
        }
        return defaultZone;
    }
}
