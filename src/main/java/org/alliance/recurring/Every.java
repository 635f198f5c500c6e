package org.alliance.recurring;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;

import static org.alliance.recurring.CadenceWording.choices;
import static org.alliance.recurring.CadenceWording.clock;
import static org.alliance.recurring.CadenceWording.code;

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

    static Every parse(String spec, LocalTime at) {
        String word = spec.toLowerCase(Locale.ROOT);
        return switch (word) {
            case "1w" -> new Every(word, Period.ofWeeks(1), at);
            case "2w" -> new Every(word, Period.ofWeeks(2), at);
            case "1mo" -> new Every(word, Period.ofMonths(1), at);
            default -> throw new IllegalArgumentException(code(spec)
                    + " isn't a schedule I understand. " + choices());
        };
    }

    LocalTime at() {
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
    public Duration longestGap(LocalDateTime from) {
        // A month is counted as its longest, so nobody is called overdue in a 31-day month.
        return Duration.ofDays(step.getMonths() * 31L + step.getDays());
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
