package org.alliance.recurring;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * How a recurring check-in repeats, from the {@code every:} and {@code at:} the leader typed.
 *
 * <p>Occurrences are wall-clock date-times without a zone: a round "at 10:00" means 10:00 in each
 * participant's own zone, so the conversion to instants happens per person, later.
 */
sealed interface Cadence permits Every, Cron {

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
            throw new IllegalArgumentException("How often should it repeat? " + CadenceWording.choices());
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

    /**
     * The longest wait between two rounds from {@code from} on: how long a person may fairly go
     * between check-ins. Null for a cron with fewer than two rounds left.
     */
    Duration longestGap(LocalDateTime from);

    /** For people: "every 2 weeks at 10:00", "on the schedule `0 10 * * MON`". */
    String describe();

    /** The normalized spec to store: {@code 1w}, {@code 2w}, {@code 1mo} or {@code cron:<expression>}. */
    String word();
}
