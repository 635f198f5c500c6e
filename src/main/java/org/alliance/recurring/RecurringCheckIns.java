package org.alliance.recurring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.alliance.checkin.CheckInStarter;
import org.alliance.questions.QuestionSet;
import org.alliance.questions.QuestionSets;
import org.alliance.shared.TimeZones;
import org.alliance.shared.ShortIds;
import org.alliance.checkin.Recurring;
import org.alliance.checkin.StartRequest;
import org.alliance.schedule.Job;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Sets up, pauses, resumes and stops recurring check-ins, and schedules each next round at
 * the earliest moment one of its people reaches the round's local time.
 */
@Service
class RecurringCheckIns implements Recurring {

    private static final Logger log = LoggerFactory.getLogger(RecurringCheckIns.class);

    // Stored with every round's job: rounds already waiting in a database find their handler by it.
    static final JobKind<RoundJobData> ROUND = new JobKind<>("series.round", RoundJobData.class);

    private final SeriesRepository series;
    private final CheckInStarter starter;
    private final TimeZones timeZones;
    private final Schedule schedule;
    private final ShortIds ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SeriesStatusReport statusReport;
    private final RoundInvitations roundInvitations;
    private final QuestionSets questionSets;
    private final SeriesEditForm editForm;

    RecurringCheckIns(SeriesRepository series, CheckInStarter starter, TimeZones timeZones,
                      Schedule schedule, ShortIds ids, ApplicationEventPublisher events, Clock clock,
                      SeriesStatusReport statusReport, QuestionSets questionSets,
                      SeriesEditForm editForm, RoundInvitations roundInvitations) {
        this.editForm = editForm;
        this.roundInvitations = roundInvitations;
        this.statusReport = statusReport;
        this.questionSets = questionSets;
        this.series = series;
        this.starter = starter;
        this.timeZones = timeZones;
        this.schedule = schedule;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    static final String NOTHING_SET_UP = "Something went wrong while setting up the recurring check-in, so nothing "
            + "was set up. Please try again in a moment.";

    @Override
    public SetUp start(StartRequest request, String every, LocalTime at) {
        Cadence cadence;
        try {
            cadence = Cadence.parse(every, at);
        } catch (IllegalArgumentException e) {
            return SetUp.refused(e.getMessage());
        }
        Optional<String> refusal = starter.check(request);
        if (refusal.isPresent()) {
            return SetUp.refused(refusal.get());
        }
        LocalDateTime first = cadence.first(LocalDateTime.ofInstant(clock.instant(),
                timeZones.of(request.teamId(), request.leaderId())));
        if (first == null) {
            return SetUp.refused("That schedule never fires again, so there would be no rounds.");
        }
        Series created = new Series(ids.series(), request.teamId(), request.leaderId(), request.purpose(),
                request.objective(), request.userIds(), request.userGroupIds(), request.memberChannelIds(),
                request.channelId(), request.visibility(),
                request.dueIn() == null ? null : request.dueIn().toString(), cadence.word(), at, SeriesStatus.ACTIVE,
                clock.instant(), 0, first);
        if (!storeWithFirstRound(created)) {
            return SetUp.refused(NOTHING_SET_UP);
        }
        String atIgnored = cadence instanceof Cron && at != null
                ? " (the schedule sets the time, so `at:` is not used)" : "";
        String setUp = ":repeat: Recurring check-in `" + created.id() + "` is set up: " + SlackText.escape(cadence.describe())
                + atIgnored + ", in each person's own time zone. The first round is on " + SlackDates.local(first)
                + ", and each round gets its own thread in <#" + created.channelId() + ">. "
                + "`/alliance pause " + created.id() + "`, `/alliance resume " + created.id() + "` and `/alliance stop "
                + created.id() + "` manage it.";
        return new SetUp(true, setUp);
    }

    public String pause(String teamId, String id, String userId) {
        return change(teamId, id, userId, s -> {
            if (s.status() != SeriesStatus.ACTIVE) {
                return "Recurring check-in `" + s.id() + "` is already " + word(s.status()) + ".";
            }
            series.setStatus(s.id(), SeriesStatus.PAUSED);
            announce(s);
            return ":double_vertical_bar: Recurring check-in `" + s.id() + "` is paused. No new rounds start until you "
                    + "`/alliance resume " + s.id() + "`.";
        });
    }

    public String resume(String teamId, String id, String userId) {
        return change(teamId, id, userId, s -> {
            if (s.status() != SeriesStatus.PAUSED) {
                return "Recurring check-in `" + s.id() + "` is " + word(s.status()) + ", so there is nothing to resume.";
            }
            // (A round whose job already ran while paused keeps that job's key, so it can't be scheduled again.)
            LocalDateTime next = nextAhead(s);
            if (next == null) {
                return "Recurring check-in `" + s.id() + "` has no rounds left on its schedule.";
            }
            series.setNext(s.id(), next);
            series.setStatus(s.id(), SeriesStatus.ACTIVE);
            scheduleNext(series.find(s.teamId(), s.id()).orElseThrow());
            announce(s);
            return ":arrow_forward: Recurring check-in `" + s.id() + "` is running again; the next round is on "
                    + SlackDates.local(next) + ".";
        });
    }

    @Override
    public Optional<String> stop(String teamId, String id, String userId) {
        if (series.find(teamId, id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(change(teamId, id, userId, s -> {
            if (s.status() == SeriesStatus.STOPPED) {
                return "Recurring check-in `" + s.id() + "` is already stopped.";
            }
            series.setStatus(s.id(), SeriesStatus.STOPPED);
            announce(s);
            return ":octagonal_sign: Recurring check-in `" + s.id() + "` is stopped: no more rounds. A round already "
                    + "running goes on until it ends; `/alliance stop <round id>` stops it.";
        }));
    }

    @Override
    public Optional<String> status(String teamId, String id, String userId) {
        return statusReport.status(teamId, id, userId);
    }

    @Override
    public Optional<String> edit(String teamId, String id, String userId, String triggerId) {
        return editForm.open(teamId, id, userId, triggerId);
    }

    /** After an edit: the round's job moves to the new people's first invitation, or a new one is planned. */
    void replan(Series before, Series after) {
        if (after.status() != SeriesStatus.ACTIVE || after.next() == null) {
            return;
        }
        if (after.next().equals(before.next())) {
            schedule.reschedule(ROUND.key(after.id(), after.next()), firstInvitation(after, after.next()));
        } else {
            scheduleNext(after);
        }
    }

    @Override
    public Optional<Instant> roundInvitation(String teamId, String checkInId, String userId) {
        return roundInvitations.of(teamId, checkInId, userId);
    }

    @Override
    public List<String> describeLedBy(String teamId, String leaderId) {
        List<String> lines = new ArrayList<>();
        for (Series s : series.ledBy(teamId, leaderId)) {
            Cadence cadence = Cadence.fromWord(s.cadence(), s.at());
            // Its title, as each round's check-in is called; the key only if its saved set is gone.
            String title = questionSets.find(teamId, s.purpose()).map(QuestionSet::title).orElse(s.purpose());
            lines.add("`" + s.id() + "` *" + SlackText.escape(title) + "* in <#" + s.channelId() + "> - "
                    + SlackText.escape(cadence.describe()) + " - " + word(s.status())
                    + (s.status() == SeriesStatus.ACTIVE && s.next() != null ? ", next round "
                    + SlackDates.local(s.next()) : "") + " - " + s.rounds() + " round" + (s.rounds() == 1 ? "" : "s")
                    + " so far");
        }
        return lines;
    }

    /**
     * A series is stored only together with its first round's job: one without it would never run.
     * The job's time needs Slack (people's time zones), so it is worked out before anything is
     * written, and the series is removed again if the job can't be stored.
     */
    private boolean storeWithFirstRound(Series created) {
        Job<RoundJobData> firstRound;
        try {
            firstRound = roundJob(created);
        } catch (RuntimeException e) {
            log.warn("Series {}: could not plan its first round: {}", created.id(), e.getMessage());
            return false;
        }
        series.insert(created);
        try {
            schedule.add(firstRound);
            return true;
        } catch (RuntimeException e) {
            log.error("Series {}: could not schedule its first round; removing it", created.id(), e);
            series.delete(created.id());
            return false;
        }
    }

    /**
     * Rounds missed (while paused, or while the workspace was uninstalled) are not made up: the next
     * round is the next whose first invitation is still ahead; null when the schedule has none left.
     */
    LocalDateTime nextAhead(Series s) {
        Cadence cadence = Cadence.fromWord(s.cadence(), s.at());
        Instant now = clock.instant();
        LocalDateTime next = s.next();
        while (next != null && !firstInvitation(s, next).isAfter(now)) {
            next = cadence.next(next);
        }
        return next;
    }

    /** The round's job runs when the first of its people reaches the round's local time. */
    void scheduleNext(Series s) {
        if (s.next() != null) {
            schedule.add(roundJob(s));
        }
    }

    private Job<RoundJobData> roundJob(Series s) {
        return new Job<>(ROUND.key(s.id(), s.next()), s.teamId(), ROUND, firstInvitation(s, s.next()),
                new RoundJobData(s.id(), s.next()));
    }

    /** When the first of the series' people (or its leader) reaches {@code occurrence} on their own clock. */
    Instant firstInvitation(Series s, LocalDateTime occurrence) {
        Instant earliest = occurrence.atZone(timeZones.of(s.teamId(), s.leaderId())).toInstant();
        for (String userId : starter.participantsOf(s.request())) {
            Instant local = occurrence.atZone(timeZones.of(s.teamId(), userId)).toInstant();
            earliest = local.isBefore(earliest) ? local : earliest;
        }
        return earliest;
    }


    /** Tells other modules (Home); a listener's failure must not undo a change that is stored. */
    void announce(Series s) {
        try {
            events.publishEvent(new SeriesChanged(s.teamId(), s.id(), s.leaderId(), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Recurring check-in {}: a listener failed: {}", s.id(), e.getMessage(), e);
        }
    }

    private static String word(SeriesStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private String change(String teamId, String id, String userId, Function<Series, String> change) {
        String normalized = id == null ? "" : id.strip().toUpperCase(Locale.ROOT);
        Optional<Series> found = series.find(teamId, normalized);
        if (found.isEmpty()) {
            return "I can't find a recurring check-in with the id `" + SlackText.echo(id) + "`. `/alliance list` "
                    + "shows yours.";
        }
        if (!found.get().leaderId().equals(userId)) {
            return "Only <@" + found.get().leaderId() + ">, who set up recurring check-in `" + found.get().id()
                    + "`, can change it.";
        }
        return change.apply(found.get());
    }
}
