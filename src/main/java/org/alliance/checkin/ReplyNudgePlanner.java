package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler.Outcome;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.alliance.schedule.WorkingHours;
import org.alliance.shared.TimeZones;
import org.alliance.snooze.Snoozes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plans the leader's one nudge per answer left without an acknowledgement or reply, and per
 * anonymous summary left unread, {@code alliance.loop.acknowledge-within} after it reached them.
 * One job key per answer (per check-in for a summary), so an edited answer is never nudged twice.
 */
@Component
class ReplyNudgePlanner {

    // The names are stored with every job: jobs already waiting in a database find their handler by them.
    static final JobKind<ReplyNudgeData> ANSWER = new JobKind<>("checkin.reply-nudge", ReplyNudgeData.class);
    static final JobKind<SummaryNudgeData> SUMMARY = new JobKind<>("checkin.summary-nudge", SummaryNudgeData.class);

    private static final Logger log = LoggerFactory.getLogger(ReplyNudgePlanner.class);

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final Schedule schedule;
    private final ReplyNudgeSettings settings;
    private final WorkingHours workingHours;
    private final TimeZones timeZones;
    private final Snoozes snoozes;
    private final Clock clock;

    ReplyNudgePlanner(CheckInRepository checkIns, ResponseRepository responses, Schedule schedule,
                      ReplyNudgeSettings settings, WorkingHours workingHours, TimeZones timeZones, Snoozes snoozes,
                      Clock clock) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.schedule = schedule;
        this.settings = settings;
        this.workingHours = workingHours;
        this.timeZones = timeZones;
        this.snoozes = snoozes;
        this.clock = clock;
    }

    @EventListener
    void on(CheckInChanged event) {
        try {
            if (event.change() == CheckInChanged.Change.ANSWERED && event.concerned().size() > 1) {
                // An answer's event concerns the leader, then its author.
                answered(event.teamId(), event.checkInId(), event.concerned().get(1));
            } else if (event.change() == CheckInChanged.Change.ENDED) {
                ended(event.teamId(), event.checkInId());
            }
        } catch (RuntimeException e) {
            log.warn("Check-in {}: could not plan the leader's nudge: {}", event.checkInId(), e.getMessage(), e);
        }
    }

    private void answered(String teamId, String checkInId, String userId) {
        Optional<CheckIn> checkIn = checkIns.find(teamId, checkInId).filter(c -> c.visibility() != Visibility.ANONYMOUS);
        Optional<Response> answer = responses.find(checkInId, userId)
                .filter(r -> r.status() == ResponseStatus.ANSWERED && r.answeredAt() != null && !r.loopClosed());
        if (checkIn.isEmpty() || answer.isEmpty()) {
            return;
        }
        CheckIn c = checkIn.get();
        schedule.add(new Job<>(ANSWER.key(c.id(), userId), c.teamId(), ANSWER,
                answer.get().answeredAt().plus(settings.acknowledgeWithin()),
                new ReplyNudgeData(c.id(), userId, c.leaderId())));
    }

    /** Only an anonymous check-in that has ended (not people taken off a running one) gets a summary. */
    private void ended(String teamId, String checkInId) {
        checkIns.find(teamId, checkInId).filter(c -> c.visibility() == Visibility.ANONYMOUS && !c.isOpen()).ifPresent(c -> {
            Instant endedAt = c.closedAt() != null ? c.closedAt() : clock.instant();
            schedule.add(new Job<>(SUMMARY.key(c.id()), c.teamId(), SUMMARY,
                    endedAt.plus(settings.acknowledgeWithin()), new SummaryNudgeData(c.id(), c.leaderId())));
        });
    }

    /** Later, when the leader is away or outside their working hours; empty when they may be nudged now. */
    Optional<Outcome> notNow(String teamId, String leaderId) {
        ZoneId zone = timeZones.of(teamId, leaderId);
        Optional<Instant> away = snoozes.awayUntil(teamId, leaderId);
        if (away.isPresent()) {
            return Optional.of(new Outcome.Later(workingHours.nextAllowed(away.get(), zone), "the leader is away"));
        }
        Instant now = clock.instant();
        if (!workingHours.allows(now, zone)) {
            return Optional.of(new Outcome.Later(workingHours.nextAllowed(now, zone),
                    "outside the leader's working hours"));
        }
        return Optional.empty();
    }
}
