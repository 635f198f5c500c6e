package org.alliance.schedule;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When check-in messages may reach people, in each person's own time zone.
 *
 * @param start       first minute of the working day, inclusive
 * @param end         end of the working day, exclusive; hours that cross midnight aren't supported
 * @param days        working days: a range {@code MON-FRI}, a list {@code MON,WED,FRI}, or both
 *                    {@code MON-WED,SAT}; short or full names, any case; a range may wrap ({@code FRI-MON})
 * @param enabled     false sends at any hour, for teams that prefer that or for tests
 * @param defaultZone for people whose Slack profile gives no usable time zone
 */
@ConfigurationProperties("alliance.working-hours")
record WorkingHoursSettings(LocalTime start, LocalTime end, String days, Boolean enabled, ZoneId defaultZone) {

    public WorkingHoursSettings {
        start = start == null ? LocalTime.of(9, 0) : start;
        end = end == null ? LocalTime.of(18, 0) : end;
        days = days == null ? "MON-FRI" : days;
        enabled = enabled == null ? Boolean.TRUE : enabled;
        defaultZone = defaultZone == null ? ZoneOffset.UTC : defaultZone;
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("alliance.working-hours.start (" + start
                    + ") must be before alliance.working-hours.end (" + end
                    + "); working hours that cross midnight aren't supported");
        }
        // Parsed here too so that a typo stops the application at startup, not at the first send.
        parseDays(days);
    }

    /** The working days, parsed from {@link #days()}. */
    public Set<DayOfWeek> daySet() {
        return Collections.unmodifiableSet(parseDays(days));
    }

    private static EnumSet<DayOfWeek> parseDays(String days) {
        if (days.isBlank()) {
            throw new IllegalArgumentException("alliance.working-hours.days must name at least one day, e.g. MON-FRI");
        }
        EnumSet<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        for (String part : days.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("alliance.working-hours.days '" + days.strip()
                        + "' has an empty entry between commas; write e.g. MON-FRI or MON-WED,SAT");
            }
            String[] ends = part.split("-", -1);
            if (ends.length == 1) {
                set.add(day(ends[0], part));
            } else if (ends.length == 2) {
                DayOfWeek from = day(ends[0], part);
                DayOfWeek to = day(ends[1], part);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    set.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else {
                throw badPart(part, "a range has one '-', like MON-FRI");
            }
        }
        return set;
    }

    private static DayOfWeek day(String name, String part) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (upper.equals(d.name()) || upper.equals(d.name().substring(0, 3))) {
                return d;
            }
        }
        throw badPart(part, "use day names such as MON or MONDAY");
    }

    private static IllegalArgumentException badPart(String part, String hint) {
        return new IllegalArgumentException("alliance.working-hours.days has '" + part.strip()
                + "', which isn't a day or a range of days: " + hint
                + ", separated by commas, e.g. MON-FRI or MON-WED,SAT");
    }
}
