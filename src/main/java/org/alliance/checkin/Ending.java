package org.alliance.checkin;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.alliance.shared.ShortIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Ends check-ins: completed (nobody left to answer), closed (due time passed) or stopped (by
 * the leader). Only the caller that wins the conditional status change does the follow-up, so
 * the leader gets exactly one summary however many answers, deadlines and instances race.
 */
@Service
class Ending {

    private static final Logger log = LoggerFactory.getLogger(Ending.class);

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final CheckInMessenger messenger;
    private final Stripes stripes;
    private final CheckInSchedule schedule;
    private final ChangeNotices notices;
    private final Clock clock;

    Ending(CheckInRepository checkIns, ResponseRepository responses, CheckInMessenger messenger, Stripes stripes,
           CheckInSchedule schedule, ChangeNotices notices, Clock clock) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.messenger = messenger;
        this.stripes = stripes;
        this.schedule = schedule;
        this.notices = notices;
        this.clock = clock;
    }

    public sealed interface StopOutcome {
        record Stopped(CheckIn checkIn, Progress progress) implements StopOutcome {
        }

        record Refused(String message) implements StopOutcome {
        }

        record NotFound(String message) implements StopOutcome {
        }
    }

    public void completeIfAllIn(String teamId, String checkInId) {
        try (CheckInLog.Scope ignored = CheckInLog.of(checkInId)) {
            Optional<CheckIn> checkIn = checkIns.find(teamId, checkInId);
            if (checkIn.isEmpty() || !checkIn.get().isOpen()) {
                return;
            }
            List<Response> all = responses.forCheckIn(checkInId);
            if (Progress.of(all).allIn() && everyoneHasAResponse(checkIn.get(), all)) {
                end(checkIn.get(), CheckInStatus.COMPLETED).ifPresent(this::followUp);
            }
        }
    }

    /**
     * A large start stores its people's responses while the first are already invited (and may
     * answer): until the last is stored, those answered are not everyone.
     */
    private static boolean everyoneHasAResponse(CheckIn checkIn, List<Response> all) {
        Set<String> in = new HashSet<>();
        all.forEach(r -> in.add(r.userId()));
        return in.containsAll(checkIn.participants());
    }

    /** The due time passed: what is missing is recorded as missed. */
    public boolean close(CheckIn checkIn) {
        try (CheckInLog.Scope ignored = CheckInLog.of(checkIn.id())) {
            Optional<CheckIn> closed = end(checkIn, CheckInStatus.CLOSED);
            closed.ifPresent(this::followUp);
            return closed.isPresent();
        }
    }

    /**
     * Only the leader may stop a check-in; answers already given are kept. Fast enough to run
     * before the ack; the caller runs {@link #followUp} afterwards.
     */
    public StopOutcome stop(String teamId, String checkInId, String userId) {
        Optional<CheckIn> found = checkIns.find(teamId, ShortIds.normalize(checkInId));
        if (found.isEmpty()) {
            return new StopOutcome.NotFound("I can't find a check-in with the id `"
                    + org.alliance.slack.SlackText.echo(checkInId) + "`. `/alliance list` shows yours.");
        }
        if (!found.get().leaderId().equals(userId)) {
            return new StopOutcome.Refused("Only <@" + found.get().leaderId() + ">, who started check-in `"
                    + found.get().id() + "`, can stop it.");
        }
        if (!found.get().isOpen()) {
            return new StopOutcome.Refused("Check-in `" + found.get().id() + "` has already " + found.get().endedWord() + ".");
        }
        return end(found.get(), CheckInStatus.STOPPED)
                .<StopOutcome>map(c -> new StopOutcome.Stopped(c, Progress.of(responses.forCheckIn(c.id()))))
                .orElseGet(() -> new StopOutcome.Refused("Check-in `" + found.get().id() + "` has just ended."));
    }

    private Optional<CheckIn> end(CheckIn checkIn, CheckInStatus status) {
        Optional<CheckIn> ended = checkIns.endIfOpen(checkIn.ended(status, clock.instant()));
        if (ended.isEmpty()) {
            return ended;
        }
        CheckIn c = ended.get();
        if (status == CheckInStatus.CLOSED) {
            responses.markMissed(c.id(), clock.instant());
        }
        log.info("Check-in {} {}", c.id(), c.endedWord());
        schedule.ended(c);
        notices.ended(c);
        return ended;
    }

    /** The leader's summary, the parent and every DM brought up to date with the end. */
    public void followUp(CheckIn checkIn) {
        try (CheckInLog.Scope ignored = CheckInLog.of(checkIn.id())) {
            stripes.run(checkIn.id(), () -> summarise(checkIn));
        }
    }

    private void summarise(CheckIn checkIn) {
        List<Response> all = responses.forCheckIn(checkIn.id());
        Progress progress = Progress.of(all);
        safely(checkIn, "update the parent message", () -> messenger.updateParent(checkIn, progress));
        if (checkIn.visibility() == Visibility.ANONYMOUS) {
            if (progress.answered() >= checkIn.anonymousThreshold()) {
                safely(checkIn, "post the anonymous summary", () -> messenger.postAnonymousSummary(checkIn, all));
            } else {
                safely(checkIn, "tell the leader about the threshold",
                        () -> messenger.anonymousBelowThreshold(checkIn, progress.answered()));
            }
        }
        if (!checkIn.anonymousQuestions().isEmpty()) {
            safely(checkIn, "report the anonymous questions", () -> messenger.reportAnonymousQuestions(checkIn, all));
        }
        safely(checkIn, "send the leader's summary", () -> messenger.sendLeaderSummary(checkIn, all));
        for (Response response : all) {
            if (response.dmTs() != null && response.status() != ResponseStatus.SKIPPED) {
                safely(checkIn, "update the DM of " + response.userId(),
                        () -> messenger.updateInvitation(checkIn, response));
            }
        }
    }

    private static void safely(CheckIn checkIn, String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.error("Check-in {}: could not {}: {}", checkIn.id(), what, e.getMessage(), e);
        }
    }
}
