package org.alliance.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a leader promised one member after reading their answer, and by when. It is between the
 * two of them only: nobody else is ever shown it.
 *
 * @param dueDate  the day the leader picked, in their own calendar
 * @param dueAt    {@code dueDate} at {@link #DUE_TIME} in the leader's time zone: when "due today" is said
 * @param helped   the member's answer once it is done; null until they give one
 */
public record Commitment(
        String id,
        String teamId,
        String leaderId,
        String memberId,
        String checkInId,
        String text,
        LocalDate dueDate,
        Instant dueAt,
        CommitmentStatus status,
        Instant createdAt,
        Instant doneAt,
        Helped helped,
        Instant helpedAt) {

    /** End of a working day: a promise "by Friday" is still keepable on Friday afternoon. */
    public static final LocalTime DUE_TIME = LocalTime.of(17, 0);
    public static final int MAX_TEXT = 1000;
    /** Far enough for any real follow-up; further is almost always a mis-click in the date picker. */
    public static final int MAX_DAYS_AHEAD = 366;

    /** The parts of a new commitment a person fills in. */
    public enum Field { TEXT, DUE_DATE }

    public Commitment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(leaderId, "leaderId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        if (status == CommitmentStatus.OPEN && (doneAt != null || helped != null)) {
            throw new IllegalArgumentException("an open commitment cannot be done or rated");
        }
    }

    /** When a commitment for {@code date} falls due for a leader in {@code zone}. */
    public static Instant dueAt(LocalDate date, ZoneId zone) {
        // atZone moves a time that falls into a DST gap forward, so this is always a real instant.
        return date.atTime(DUE_TIME).atZone(zone).toInstant();
    }

    /**
     * What is wrong with a new commitment, in words for the leader; empty when it can be made.
     *
     * @param today the leader's today, in their time zone
     */
    public static Map<Field, String> problems(String text, LocalDate dueDate, LocalDate today) {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        if (text == null || text.isBlank()) {
            problems.put(Field.TEXT, "Say what you will do.");
        } else if (text.strip().length() > MAX_TEXT) {
            problems.put(Field.TEXT, "Please keep it under " + MAX_TEXT + " characters (it has "
                    + text.strip().length() + ").");
        }
        if (dueDate == null) {
            problems.put(Field.DUE_DATE, "Pick the day you'll do it by.");
        } else if (dueDate.isBefore(today)) {
            problems.put(Field.DUE_DATE, "Pick today or a later day.");
        } else if (dueDate.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            problems.put(Field.DUE_DATE, "Pick a day within the next year.");
        }
        return problems;
    }

    static Commitment open(String id, String teamId, String leaderId, String memberId, String checkInId, String text,
                           LocalDate dueDate, ZoneId leaderZone, Instant now) {
        return new Commitment(id, teamId, leaderId, memberId, checkInId, text.strip(), dueDate,
                dueAt(dueDate, leaderZone), CommitmentStatus.OPEN, now, null, null, null);
    }

    public boolean isOpen() {
        return status == CommitmentStatus.OPEN;
    }

    Commitment done(Instant at) {
        if (!isOpen()) {
            throw new IllegalStateException("commitment " + id + " is already done");
        }
        return new Commitment(id, teamId, leaderId, memberId, checkInId, text, dueDate, dueAt, CommitmentStatus.DONE,
                createdAt, at, null, null);
    }

    Commitment rated(Helped answer, Instant at) {
        Objects.requireNonNull(answer, "answer");
        if (isOpen()) {
            throw new IllegalStateException("commitment " + id + " is not done yet");
        }
        if (helped != null) {
            throw new IllegalStateException("commitment " + id + " has already been rated");
        }
        return new Commitment(id, teamId, leaderId, memberId, checkInId, text, dueDate, dueAt, status, createdAt,
                doneAt, answer, at);
    }
}
