package org.alliance.checkin;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Purposes run as a short series of check-ins (a playbook), as the start paths need them; implemented by
 * the playbooks feature. Check-ins only know which purposes offer one and what the leader chose.
 */
public interface Playbooks {

    /** The purpose whose playbook is a kick-off, a pulse after 2 weeks and a look back after 6. */
    String CHANGE = "change";
    /** The purpose whose playbook is a kick-off, a mid-point and a wrap-up on days the leader picks. */
    String PROJECT = "kickoff";
    /** Far enough for any project; further is almost always a mis-click in the date picker. */
    int MAX_DAYS_AHEAD = 366;

    /** Whether {@code purpose} can run as a playbook. */
    static boolean offered(String purpose) {
        return purpose != null && Set.of(CHANGE, PROJECT).contains(purpose);
    }

    /**
     * A leader's choice to run a check-in as a playbook.
     *
     * @param midPoint for a project kick-off, the day of the mid-point check-in; else null
     * @param wrapUp   for a project kick-off, the day of the wrap-up check-in; else null
     */
    record Ask(String purpose, LocalDate midPoint, LocalDate wrapUp) {

        /** The parts of the choice a leader fills in. */
        public enum Field { PURPOSE, MID_POINT, WRAP_UP }

        /**
         * What is wrong with the choice, in words for the leader; empty when it can run.
         *
         * @param today the leader's today: both days must come after it
         */
        public Map<Field, String> problems(LocalDate today) {
            Map<Field, String> problems = new EnumMap<>(Field.class);
            if (!offered(purpose)) {
                problems.put(Field.PURPOSE, "Only *Navigating change* (`change`) and *Project kick-off* (`kickoff`) "
                        + "can run as a playbook.");
                return problems;
            }
            if (!PROJECT.equals(purpose)) {
                return problems;
            }
            if (midPoint == null) {
                problems.put(Field.MID_POINT, "Pick the day of the mid-point check-in.");
            } else if (!midPoint.isAfter(today)) {
                problems.put(Field.MID_POINT, "Pick a day after today for the mid-point.");
            } else if (midPoint.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                problems.put(Field.MID_POINT, "Pick a mid-point within the next year.");
            }
            if (wrapUp == null) {
                problems.put(Field.WRAP_UP, "Pick the day of the wrap-up check-in.");
            } else if (midPoint != null && !wrapUp.isAfter(midPoint)) {
                problems.put(Field.WRAP_UP, "Pick a wrap-up day after the mid-point.");
            } else if (!wrapUp.isAfter(today)) {
                problems.put(Field.WRAP_UP, "Pick a day after today for the wrap-up.");
            } else if (wrapUp.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
                problems.put(Field.WRAP_UP, "Pick a wrap-up within the next year.");
            }
            return problems;
        }
    }

    /**
     * What starting a playbook came to.
     *
     * @param kickOff how starting its kick-off check-in went; null when the playbook was refused before
     * @param message what else to tell the leader: the playbook's steps, or why it was refused
     */
    record Started(StartOutcome kickOff, String message) {

        public static Started refused(String why) {
            return new Started(null, ":warning: " + why);
        }

        boolean started() {
            return kickOff instanceof StartOutcome.Started;
        }
    }

    /** Starts the kick-off now and plans the later steps; the checks of a one-off check-in apply. */
    Started start(StartRequest request, Ask ask);

    /** Stops the rest of the playbook with this id, if it is one; the message for the person who asked. */
    default Optional<String> stop(String teamId, String id, String userId) {
        return Optional.empty();
    }
}
