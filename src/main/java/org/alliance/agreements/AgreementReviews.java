package org.alliance.agreements;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.alliance.schedule.WorkingHours;
import org.alliance.shared.TimeZones;
import org.alliance.snooze.Snoozes;
import org.springframework.stereotype.Component;

/**
 * The question every {@code alliance.agreements.review-every}: does the agreement still hold? Each
 * of the two is asked by a job of their own, so each hears it in their own working day and not
 * while away. The key names the pair, the side and the review's time, so scheduling one twice
 * stores it once; a job whose review was answered or replaced meanwhile does nothing.
 */
@Component
class AgreementReviews implements JobHandler<AgreementReviews.ReviewData> {

    /** Which of the two a review job asks. Stored by name in lower case. */
    enum Side { LEADER, MEMBER }

    /** One side's review of the pair's agreement as it stood at {@code reviewAt}. */
    record ReviewData(String leaderId, String memberId, Side side, Instant reviewAt) {
    }

    // Stored with every review job: jobs already waiting in a database find their handler by it.
    static final JobKind<ReviewData> KIND = new JobKind<>("agreement.review", ReviewData.class);

    private final Schedule schedule;
    private final AgreementRepository repository;
    private final AgreementNotifier notifier;
    private final TimeZones timeZones;
    private final WorkingHours workingHours;
    private final Snoozes snoozes;
    private final Clock clock;

    AgreementReviews(Schedule schedule, AgreementRepository repository, AgreementNotifier notifier,
                     TimeZones timeZones, WorkingHours workingHours, Snoozes snoozes, Clock clock) {
        this.schedule = schedule;
        this.repository = repository;
        this.notifier = notifier;
        this.timeZones = timeZones;
        this.workingHours = workingHours;
        this.snoozes = snoozes;
        this.clock = clock;
    }

    /** Puts the agreement's next review on the schedule, for both of them. */
    void schedule(Agreement a) {
        if (a.reviewAt() == null || a.current().isEmpty()) {
            return;
        }
        for (Side side : Side.values()) {
            ReviewData data = new ReviewData(a.leaderId(), a.memberId(), side, a.reviewAt());
            schedule.add(new Job<>(key(a.teamId(), data), a.teamId(), KIND, a.reviewAt(), data));
        }
    }

    static String key(String teamId, ReviewData d) {
        return KIND.key(teamId, d.leaderId(), d.memberId(), d.reviewAt().getEpochSecond(),
                d.side().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public JobKind<ReviewData> kind() {
        return KIND;
    }

    @Override
    public Outcome run(Job<ReviewData> job) {
        ReviewData d = job.payload();
        Optional<Agreement> found = repository.find(job.teamId(), d.leaderId(), d.memberId());
        if (found.isEmpty() || found.get().current().isEmpty()) {
            return Outcome.skipped("no confirmed agreement of " + d.leaderId() + " and " + d.memberId());
        }
        Agreement a = found.get();
        if (!d.reviewAt().equals(a.reviewAt())) {
            return Outcome.skipped("the review of " + d.reviewAt() + " was answered or replaced");
        }
        String userId = d.side() == Side.LEADER ? d.leaderId() : d.memberId();
        Instant now = clock.instant();
        Optional<Instant> away = snoozes.awayUntil(job.teamId(), userId).filter(now::isBefore);
        if (away.isPresent()) {
            return new Outcome.Later(away.get(), userId + " is away");
        }
        var zone = timeZones.of(job.teamId(), userId);
        if (!workingHours.allows(now, zone)) {
            return new Outcome.Later(workingHours.nextAllowed(now, zone), "outside " + userId + "'s working hours");
        }
        notifier.review(a, a.current().get(), userId);
        return Outcome.done();
    }
}
