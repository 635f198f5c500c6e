package org.alliance.checkin;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Recurring check-ins, as the check-in commands need them; implemented by the recurring feature. */
public interface Recurring {

    /** What setting up a series came to: whether it now exists, and what to tell the leader. */
    record SetUp(boolean created, String message) {

        public static SetUp refused(String why) {
            return new SetUp(false, ":warning: " + why);
        }
    }

    /** Sets up a check-in that repeats; nothing starts now, each round starts at its time. */
    SetUp start(StartRequest request, String every, LocalTime at);

    /** Stops the series with this id, if it is one; the message for the person who asked. */
    Optional<String> stop(String teamId, String id, String userId);

    /**
     * {@code /alliance status} for a recurring check-in, if {@code id} is one: its schedule, each
     * person's next send time and its past rounds; the text for the person who asked. Empty when
     * it is no series (the default: an implementation without series knows none).
     */
    default Optional<String> status(String teamId, String id, String userId) {
        return Optional.empty();
    }

    /**
     * {@code /alliance edit} for a recurring check-in, if {@code id} is one: opens the form to change
     * the series. Empty when it is no series; else what to tell the person, blank when the form opened.
     */
    default Optional<String> edit(String teamId, String id, String userId, String triggerId) {
        return Optional.empty();
    }

    /** Lines for {@code /alliance list}: the recurring check-ins this person leads. */
    List<String> describeLedBy(String teamId, String leaderId);

    /**
     * When someone added to a running round of a recurring check-in should get their invitation:
     * the round's local time on their own clock. Empty for a one-off check-in (invite at once).
     */
    default Optional<Instant> roundInvitation(String teamId, String checkInId, String userId) {
        return Optional.empty();
    }
}
