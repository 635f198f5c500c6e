package org.alliance.recurring;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.alliance.recurring.CadenceWording.code;

/**
 * Turns the fields a leader typed, unix style (5 fields) or Quartz style (6 or 7), into the
 * Quartz expression {@link Cron} evaluates, refusing what would flood people or can't be followed.
 */
final class CronFields {

    private static final Pattern SINGLE_NUMBER = Pattern.compile("\\d{1,2}");
    private static final Pattern RANGE = Pattern.compile("(\\*|[A-Z0-9]+)(?:-([A-Z0-9]+))?(?:/(\\d+))?");
    private static final Pattern SPECIAL_DAY = Pattern.compile("([A-Z0-9]+)(#\\d+|L)");

    private CronFields() {
    }

    /**
     * @param typed  the whole expression, tidied, for messages
     * @param fields its 5 to 7 fields, upper case
     */
    static String toQuartz(String typed, String[] fields) {
        return fields.length == 5 ? fromUnix(typed, fields) : fromQuartz(typed, fields);
    }

    private static String fromUnix(String typed, String[] f) {
        if (!SINGLE_NUMBER.matcher(f[0]).matches()) {
            throw tooOften(typed, "an hour", "minute", "0 10 * * MON");
        }
        String dom = f[2];
        String dow = f[4];
        if (isAny(dow)) {
            dom = dom.equals("?") ? "*" : dom;
            dow = "?";
        } else if (isAny(dom)) {
            dom = "?";
            dow = unixDaysToQuartz(dow);
        } else {
            throw bothDays(typed, f[2], f[4]);
        }
        return String.join(" ", "0", f[0], f[1], dom, f[3], dow);
    }

    private static String fromQuartz(String typed, String[] f) {
        if (!SINGLE_NUMBER.matcher(f[0]).matches()) {
            throw tooOften(typed, "a minute", "second", "0 0 10 ? * MON");
        }
        if (!SINGLE_NUMBER.matcher(f[1]).matches()) {
            throw tooOften(typed, "an hour", "minute", "0 0 10 ? * MON");
        }
        String[] q = f.clone();
        // Quartz insists on '?' in one of the day fields; supply it where the meaning is unambiguous.
        if (!q[3].equals("?") && !q[5].equals("?")) {
            if (q[5].equals("*")) {
                q[5] = "?";
            } else if (q[3].equals("*")) {
                q[3] = "?";
            } else {
                throw bothDays(typed, f[3], f[5]);
            }
        }
        return String.join(" ", q);
    }

    private static boolean isAny(String field) {
        return field.equals("*") || field.equals("?");
    }

    /**
     * Unix numbers days 0-7 with 0 and 7 both Sunday; Quartz numbers them 1-7 from Sunday.
     * Expanding to day names sidesteps shifted ranges that would wrap past Saturday.
     */
    private static String unixDaysToQuartz(String field) {
        Matcher special = SPECIAL_DAY.matcher(field);
        if (special.matches()) {
            // "5L" (last Friday) and "1#2" (second Monday): Quartz allows these only on their own.
            return (unixDay(special.group(1)) % 7 + 1) + special.group(2);
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : field.split(",", -1)) {
            Matcher m = RANGE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException(code(part) + " isn't a day of the week I can read. "
                        + "Use 0-7 (0 and 7 are Sunday) or MON to SUN, as single days, ranges like `1-5` "
                        + "or lists like `MON,WED,FRI`.");
            }
            boolean all = m.group(1).equals("*");
            if (all && m.group(2) != null) {
                throw new IllegalArgumentException(code(part) + " isn't a range of days; write `*` alone "
                        + "or a range like `1-5`.");
            }
            int from = all ? 0 : unixDay(m.group(1));
            int to;
            if (m.group(2) != null) {
                to = unixDay(m.group(2));
                if (to < from) {
                    to += 7;  // FRI-MON: wrap past the weekend
                }
            } else if (all || m.group(3) != null) {
                to = 6;  // "*" or "3/2": to the end of the week, as Quartz reads a start with a step
            } else {
                to = from;
            }
            int stride = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            if (stride < 1) {
                throw new IllegalArgumentException(code(part) + " steps by 0; use a step of 1 or more.");
            }
            for (int d = from; d <= to; d += stride) {
                days.add(unixToDayOfWeek(d % 7));
            }
        }
        StringJoiner names = new StringJoiner(",");
        days.forEach(d -> names.add(quartzName(d)));
        return names.toString();
    }

    /** A unix day-of-week number 0-7 (or name) as 0-7, Sunday first. */
    private static int unixDay(String value) {
        if (value.chars().allMatch(Character::isDigit) && value.length() <= 2) {
            int n = Integer.parseInt(value);
            if (n <= 7) {
                return n;
            }
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (value.equals(quartzName(d))) {
                return d.getValue() % 7;
            }
        }
        throw new IllegalArgumentException(code(value) + " isn't a day of the week. Use 0-7 "
                + "(0 and 7 are Sunday) or MON to SUN.");
    }

    private static DayOfWeek unixToDayOfWeek(int sundayIsZero) {
        return sundayIsZero == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(sundayIsZero);
    }

    private static String quartzName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.US).toUpperCase(Locale.US);
    }

    /** A check-in round per minute would flood people; one typo (`*` for the minute) is enough to ask for it. */
    private static IllegalArgumentException tooOften(String typed, String per, String unit, String example) {
        return new IllegalArgumentException(code(typed) + " would start more than one round " + per
                + ". Put a single " + unit + " there, like `" + example + "` for 10:00.");
    }

    private static IllegalArgumentException bothDays(String typed, String dom, String dow) {
        return new IllegalArgumentException(code(typed) + " limits both the day of the month ("
                + code(dom) + ") and the day of the week (" + code(dow) + "). "
                + "I can follow only one: put `*` in the other, like `0 10 1 * *` (the 1st of every month) "
                + "or `0 10 * * MON` (every Monday).");
    }
}
