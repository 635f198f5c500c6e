package org.alliance.recurring;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quartz.CronExpression;

/**
 * How a recurring check-in repeats, from the {@code every:} and {@code at:} the leader typed.
 *
 * <p>Occurrences are wall-clock date-times without a zone: a round "at 10:00" means 10:00 in each
 * participant's own zone, so the conversion to instants happens per person, later.
 */
sealed interface Cadence permits Cadence.Every, Cadence.Cron {

    /** Used when the leader gives {@code every:} without {@code at:}. */
    LocalTime DEFAULT_AT = LocalTime.of(9, 0);

    /**
     * @param every {@code 1w}, {@code 2w}, {@code 1mo}, a 5-field unix cron ({@code 0 10 * * MON}) or a
     *              6/7-field Quartz cron ({@code 0 0 10 ? * MON}); {@code cron:} in front is allowed
     * @param at    the time of day for 1w/2w/1mo, {@link #DEFAULT_AT} when null; ignored for cron
     * @throws IllegalArgumentException with a message fit to show the leader
     */
    static Cadence parse(String every, LocalTime at) {
        String spec = every == null ? "" : every.strip();
        boolean cron = spec.regionMatches(true, 0, Cron.PREFIX, 0, Cron.PREFIX.length());
        if (cron) {
            spec = spec.substring(Cron.PREFIX.length()).strip();
        }
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("How often should it repeat? " + choices());
        }
        if (cron || spec.chars().anyMatch(Character::isWhitespace)) {
            return Cron.parse(spec);
        }
        return Every.parse(spec, at == null ? DEFAULT_AT : at);
    }

    /** Restores a cadence from {@link #word()} and the stored time of day. */
    static Cadence fromWord(String word, LocalTime at) {
        return parse(word, at);
    }

    /** The first occurrence at or after {@code startLocal}. Null only for a cron whose years have all passed. */
    LocalDateTime first(LocalDateTime startLocal);

    /** The occurrence after {@code previous}. Null only for a cron whose years have all passed. */
    LocalDateTime next(LocalDateTime previous);

    /**
     * The occurrence {@code n} rounds after {@code first} (0 gives {@code first}). Prefer this to
     * repeated {@link #next} for months: Jan 31 steps to Feb 28 and then, from there, to Mar 28,
     * while counting from the first round gives Mar 31.
     */
    LocalDateTime nth(LocalDateTime first, int n);

    /** For people: "every 2 weeks at 10:00", "on the schedule `0 10 * * MON`". */
    String describe();

    /** The normalized spec to store: {@code 1w}, {@code 2w}, {@code 1mo} or {@code cron:<expression>}. */
    String word();

    /** A fixed step of weeks or months at one time of day. */
    final class Every implements Cadence {

        private final String word;
        private final Period step;
        private final LocalTime at;

        private Every(String word, Period step, LocalTime at) {
            this.word = word;
            this.step = step;
            this.at = at;
        }

        private static Every parse(String spec, LocalTime at) {
            String word = spec.toLowerCase(Locale.ROOT);
            return switch (word) {
                case "1w" -> new Every(word, Period.ofWeeks(1), at);
                case "2w" -> new Every(word, Period.ofWeeks(2), at);
                case "1mo" -> new Every(word, Period.ofMonths(1), at);
                default -> throw new IllegalArgumentException(code(spec)
                        + " isn't a schedule I understand. " + choices());
            };
        }

        public LocalTime at() {
            return at;
        }

        @Override
        public LocalDateTime first(LocalDateTime startLocal) {
            // Kept simple on purpose: the first round is the next time the clock shows `at`;
            // the weekday (or day of month) of that round then sets the rhythm for later ones.
            LocalDateTime today = startLocal.toLocalDate().atTime(at);
            return today.isBefore(startLocal) ? today.plusDays(1) : today;
        }

        @Override
        public LocalDateTime next(LocalDateTime previous) {
            return previous.plus(step);
        }

        @Override
        public LocalDateTime nth(LocalDateTime first, int n) {
            if (n < 0) {
                throw new IllegalArgumentException("n must not be negative, but was " + n);
            }
            // One multiplied step from the anchor, so a month-end clamp never carries into later months.
            return first.plus(step.multipliedBy(n));
        }

        @Override
        public String describe() {
            String time = clock(at);
            return switch (word) {
                case "1w" -> "every week at " + time;
                case "2w" -> "every 2 weeks at " + time;
                default -> "every month at " + time;
            };
        }

        @Override
        public String word() {
            return word;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Every other && word.equals(other.word) && at.equals(other.at);
        }

        @Override
        public int hashCode() {
            return Objects.hash(word, at);
        }

        @Override
        public String toString() {
            return word + "@" + at;
        }
    }

    /**
     * A cron expression. The leader's text is kept as typed (tidied) for {@link #describe()} and
     * {@link #word()}, and converted to Quartz syntax for evaluation.
     */
    final class Cron implements Cadence {

        private static final String PREFIX = "cron:";

        private static final Pattern FIELD = Pattern.compile("[A-Z0-9*?/,#-]+");
        private static final Pattern SINGLE_NUMBER = Pattern.compile("\\d{1,2}");
        private static final Pattern RANGE = Pattern.compile("(\\*|[A-Z0-9]+)(?:-([A-Z0-9]+))?(?:/(\\d+))?");
        private static final Pattern SPECIAL_DAY = Pattern.compile("([A-Z0-9]+)(#\\d+|L)");
        private static final TimeZone WALL_CLOCK = TimeZone.getTimeZone(ZoneOffset.UTC);

        private final String typed;
        private final String quartz;

        private Cron(String typed, String quartz) {
            this.typed = typed;
            this.quartz = quartz;
        }

        private static Cron parse(String spec) {
            String typed = spec.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            String[] fields = typed.isEmpty() ? new String[0] : typed.split(" ");
            if (fields.length < 5 || fields.length > 7) {
                throw new IllegalArgumentException(code(typed) + " has " + fields.length + " field"
                        + (fields.length == 1 ? "" : "s") + ", but a cron expression needs 5 (minute hour "
                        + "day-of-month month day-of-week), like `0 10 * * MON`, or 6 to 7 in Quartz style "
                        + "with seconds first, like `0 0 10 ? * MON`.");
            }
            for (String field : fields) {
                if (!FIELD.matcher(field).matches()) {
                    throw new IllegalArgumentException(code(typed) + " has characters a cron expression "
                            + "can't contain. Example: `0 10 * * MON` is every Monday at 10:00.");
                }
            }
            String quartz = fields.length == 5 ? fromUnix(typed, fields) : fromQuartz(typed, fields);
            CronExpression expression;
            try {
                expression = new CronExpression(quartz);
            } catch (ParseException | RuntimeException e) {
                throw new IllegalArgumentException(code(typed) + " isn't a cron expression I can read ("
                        + plain(e.getMessage()) + "). Example: `0 10 * * MON` is every Monday at 10:00.");
            }
            expression.setTimeZone(WALL_CLOCK);
            if (expression.getNextValidTimeAfter(new Date(0)) == null) {
                throw new IllegalArgumentException(code(typed)
                        + " never happens: no date matches all of its fields.");
            }
            return new Cron(typed, quartz);
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

        @Override
        public LocalDateTime first(LocalDateTime startLocal) {
            // Quartz works in whole seconds and looks strictly after the time given.
            LocalDateTime whole = startLocal.withNano(0);
            if (whole.isBefore(startLocal)) {
                whole = whole.plusSeconds(1);
            }
            return after(whole.minusSeconds(1));
        }

        @Override
        public LocalDateTime next(LocalDateTime previous) {
            return after(previous);
        }

        @Override
        public LocalDateTime nth(LocalDateTime first, int n) {
            if (n < 0) {
                throw new IllegalArgumentException("n must not be negative, but was " + n);
            }
            LocalDateTime at = first;
            for (int i = 0; i < n && at != null; i++) {
                at = after(at);
            }
            return at;
        }

        private LocalDateTime after(LocalDateTime local) {
            // Evaluated in UTC on the wall-clock values, so no DST change can move or skip an occurrence
            // here; each participant's zone is applied afterwards. A fresh expression per call because
            // Quartz doesn't promise that one instance is safe to share between threads.
            CronExpression expression;
            try {
                expression = new CronExpression(quartz);
            } catch (ParseException e) {
                throw new IllegalStateException("cron expression accepted before fails now: " + quartz, e);
            }
            expression.setTimeZone(WALL_CLOCK);
            Date next = expression.getNextValidTimeAfter(Date.from(local.toInstant(ZoneOffset.UTC)));
            return next == null ? null : LocalDateTime.ofInstant(next.toInstant(), ZoneOffset.UTC);
        }

        @Override
        public String describe() {
            return "on the schedule `" + typed + "`";
        }

        @Override
        public String word() {
            return PREFIX + typed;
        }

        /** The expression as Quartz evaluates it, e.g. {@code 0 0 10 ? * MON,TUE,WED,THU,FRI}. */
        public String quartz() {
            return quartz;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cron other && typed.equals(other.typed);
        }

        @Override
        public int hashCode() {
            return typed.hashCode();
        }

        @Override
        public String toString() {
            return word();
        }
    }

    // Wording shared by both kinds. User text is shown only in a form that can't turn into chat markup,
    // because these messages go straight back to the leader in Slack.

    private static String choices() {
        return "Use `1w` (weekly), `2w` (every two weeks), `1mo` (monthly) or a cron expression like "
                + "`0 10 * * MON` (Mondays at 10:00).";
    }

    private static String code(String text) {
        return "`" + plain(text) + "`";
    }

    /** Keeps letters, digits, spaces and cron punctuation; drops anything else (such as {@code < > & `}). */
    private static String plain(String text) {
        String kept = (text == null ? "" : text).replaceAll("[^\\p{Alnum} *?/,#:.'_-]", "")
                .replaceAll("\\s+", " ").strip();
        return kept.length() > 40 ? kept.substring(0, 40) + "…" : kept;
    }

    private static String clock(LocalTime at) {
        return String.format(Locale.ROOT, "%02d:%02d", at.getHour(), at.getMinute());
    }
}
