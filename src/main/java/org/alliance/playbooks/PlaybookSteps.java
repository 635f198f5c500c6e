package org.alliance.playbooks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.alliance.checkin.Playbooks;

/**
 * Which steps each playbook has, when each starts, and what they are called. Navigating change comes back
 * after 2 and 6 weeks, at the kick-off's time of day; a project kick-off on the days the leader picked, at
 * {@link #PROJECT_TIME} on the leader's clock, so it arrives in the morning rather than at midnight.
 */
final class PlaybookSteps {

    static final String KICKOFF = "kickoff";
    static final Duration PULSE_AFTER = Duration.ofDays(14);
    static final Duration LOOK_BACK_AFTER = Duration.ofDays(42);
    static final LocalTime PROJECT_TIME = LocalTime.of(10, 0);

    private PlaybookSteps() {
    }

    /** Every step, the kick-off first, due {@code now}. */
    static List<Playbook.Step> plan(Playbooks.Ask ask, Instant now, ZoneId leaderZone) {
        Playbook.Step kickOff = Playbook.Step.planned(KICKOFF, ask.purpose(), now);
        if (Playbooks.PROJECT.equals(ask.purpose())) {
            return List.of(kickOff,
                    Playbook.Step.planned("midpoint", "kickoff-midpoint", at(ask.midPoint(), leaderZone)),
                    Playbook.Step.planned("wrapup", "kickoff-wrapup", at(ask.wrapUp(), leaderZone)));
        }
        return List.of(kickOff,
                Playbook.Step.planned("pulse", "change-pulse", now.plus(PULSE_AFTER)),
                Playbook.Step.planned("lookback", "change-lookback", now.plus(LOOK_BACK_AFTER)));
    }

    private static Instant at(LocalDate day, ZoneId zone) {
        return day.atTime(PROJECT_TIME).atZone(zone).toInstant();
    }

    /** The playbook's name, as leaders read it. */
    static String title(String purpose) {
        return Playbooks.PROJECT.equals(purpose) ? "Project kick-off" : "Navigating change";
    }

    /** A step's name, as leaders read it. */
    static String label(String stepName) {
        return switch (stepName) {
            case KICKOFF -> "kick-off";
            case "pulse" -> "pulse";
            case "lookback" -> "look back";
            case "midpoint" -> "mid-point";
            case "wrapup" -> "wrap-up";
            default -> stepName;
        };
    }

    /** What became of a step, in words. */
    static String state(Playbook.Step step) {
        return switch (step.status()) {
            case PLANNED -> "planned";
            case STARTED -> step.checkInId() == null ? "starting" : "check-in `" + step.checkInId() + "`";
            case SKIPPED -> "skipped";
            case STOPPED -> "stopped";
            case FAILED -> "couldn't start";
        };
    }
}
