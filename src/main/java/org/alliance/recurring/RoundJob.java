package org.alliance.recurring;

import java.time.LocalDateTime;
import java.util.Optional;

import org.alliance.checkin.CheckInMessenger;
import org.alliance.checkin.CheckInStarter;
import org.alliance.checkin.StartOutcome;
import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts one round of a recurring check-in, then schedules the next. */
@Component
class RoundJob implements JobHandler<RoundJobData> {

    private static final Logger log = LoggerFactory.getLogger(RoundJob.class);

    private final SeriesRepository series;
    private final RecurringCheckIns recurring;
    private final CheckInStarter starter;
    private final CheckInMessenger messenger;
    private final SeriesRoundRepository rounds;

    RoundJob(SeriesRepository series, RecurringCheckIns recurring, CheckInStarter starter, CheckInMessenger messenger,
             SeriesRoundRepository rounds) {
        this.rounds = rounds;
        this.series = series;
        this.recurring = recurring;
        this.starter = starter;
        this.messenger = messenger;
    }

    @Override
    public JobKind<RoundJobData> kind() {
        return RecurringCheckIns.ROUND;
    }

    @Override
    public Outcome run(Job<RoundJobData> job) {
        Optional<Series> found = series.find(job.teamId(), job.payload().seriesId());
        LocalDateTime occurrence = job.payload().occurrence();
        if (found.isEmpty() || found.get().status() != SeriesStatus.ACTIVE) {
            return Outcome.skipped("series " + job.payload().seriesId() + " is not active");
        }
        if (!occurrence.equals(found.get().next())) {
            return Outcome.skipped("round " + occurrence + " of " + found.get().id() + " is no longer the next one");
        }
        Cadence cadence = Cadence.fromWord(found.get().cadence(), found.get().at());
        // Moving the series on first means a retry or a second instance can never start the round twice.
        Optional<Series> advanced = series.advance(found.get().id(), occurrence, cadence.next(occurrence));
        if (advanced.isEmpty()) {
            return Outcome.skipped("round " + occurrence + " of " + found.get().id() + " was taken by another instance");
        }
        Series s = advanced.get();
        try {
            StartOutcome outcome = starter.startRound(s.request(), occurrence, s.rounds());
            if (outcome instanceof StartOutcome.Started started) {
                rounds.add(new SeriesRoundRepository.SeriesRound(started.checkIn().id(), s.teamId(), s.id(), s.rounds(),
                        occurrence));
            }
            if (outcome instanceof StartOutcome.Refused refused) {
                messenger.tell(s.teamId(), s.leaderId(), ":warning: Round " + s.rounds() + " of your recurring "
                        + "check-in `" + s.id() + "` couldn't start: " + refused.message() + " The next round is "
                        + "planned as usual; `/alliance stop " + s.id() + "` ends the series.");
            }
        } catch (RuntimeException e) {
            log.error("Series {}: round {} failed to start", s.id(), s.rounds(), e);
            messenger.tell(s.teamId(), s.leaderId(), ":warning: Round " + s.rounds() + " of your recurring check-in `"
                    + s.id() + "` couldn't start because Slack didn't answer. The next round is planned as usual.");
        }
        recurring.scheduleNext(s);
        return Outcome.done();
    }
}
