package org.alliance.recurring;

import java.text.ParseException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Pattern;

import org.quartz.CronExpression;

import static org.alliance.recurring.CadenceWording.code;
import static org.alliance.recurring.CadenceWording.plain;

/**
 * A cron expression. The leader's text is kept as typed (tidied) for {@link #describe()} and
 * {@link #word()}, and converted to Quartz syntax ({@link CronFields}) for evaluation.
 */
final class Cron implements Cadence {

    static final String PREFIX = "cron:";

    private static final Pattern FIELD = Pattern.compile("[A-Z0-9*?/,#-]+");
    private static final TimeZone WALL_CLOCK = TimeZone.getTimeZone(ZoneOffset.UTC);

    private final String typed;
    private final String quartz;

    private Cron(String typed, String quartz) {
        this.typed = typed;
        this.quartz = quartz;
    }

    static Cron parse(String spec) {
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
        String quartz = CronFields.toQuartz(typed, fields);
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

    /** Looked at over this many rounds: enough to see a weekly or monthly pattern's longest gap. */
    private static final int GAPS = 12;

    @Override
    public Duration longestGap(LocalDateTime from) {
        // "Mondays and Thursdays" has gaps of 3 and 4 days: a person may fairly wait the longer one.
        LocalDateTime previous = first(from);
        Duration longest = null;
        for (int i = 0; i < GAPS && previous != null; i++) {
            LocalDateTime next = after(previous);
            if (next != null) {
                Duration gap = Duration.between(previous, next);
                longest = longest == null || gap.compareTo(longest) > 0 ? gap : longest;
            }
            previous = next;
        }
        return longest;
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
    String quartz() {
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
