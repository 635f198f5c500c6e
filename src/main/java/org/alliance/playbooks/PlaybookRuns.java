package org.alliance.playbooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.alliance.checkin.CheckInStarter;
import org.alliance.checkin.Playbooks;
import org.alliance.checkin.StartOutcome;
import org.alliance.checkin.StartRequest;
import org.alliance.questions.QuestionSet;
import org.alliance.questions.QuestionSets;
import org.alliance.schedule.Job;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.alliance.shared.ShortIds;
import org.alliance.shared.TimeZones;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Starts playbooks (the kick-off now, the later steps as jobs at their times), skips and stops their steps.
 * A step starts as a check-in of its own, through the same starter the recurring rounds use.
 */
@Service
class PlaybookRuns implements Playbooks {

    private static final Logger log = LoggerFactory.getLogger(PlaybookRuns.class);

    // Stored with every step's job: steps already waiting in a database find their handler by it.
    static final JobKind<StepJobData> STEP = new JobKind<>("playbook.step", StepJobData.class);
    static final String NOTHING_STARTED = "Something went wrong while starting the playbook, so nothing was started. "
            + "Please try again in a moment.";

    private final PlaybookRepository playbooks;
    private final CheckInStarter starter;
    private final QuestionSets questionSets;
    private final Schedule schedule;
    private final TimeZones timeZones;
    private final ShortIds ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlaybookRuns(PlaybookRepository playbooks, CheckInStarter starter, QuestionSets questionSets, Schedule schedule,
                 TimeZones timeZones, ShortIds ids, ApplicationEventPublisher events, Clock clock) {
        this.playbooks = playbooks;
        this.starter = starter;
        this.questionSets = questionSets;
        this.schedule = schedule;
        this.timeZones = timeZones;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Started start(StartRequest request, Ask ask) {
        Optional<String> refusal = starter.check(request);
        if (refusal.isPresent()) {
            return Started.refused(refusal.get());
        }
        ZoneId zone = timeZones.of(request.teamId(), request.leaderId());
        Instant now = clock.instant();
        var problems = ask.problems(LocalDate.ofInstant(now, zone));
        if (!problems.isEmpty()) {
            return Started.refused(String.join(" ", problems.values()));
        }
        Duration dueIn = request.dueIn() != null ? request.dueIn()
                : request.dueAt() != null ? Duration.between(now, request.dueAt()) : null;
        Playbook created = new Playbook(ids.playbook(), request.teamId(), request.leaderId(), ask.purpose(),
                ownObjective(request), request.userIds(), request.userGroupIds(), request.memberChannelIds(),
                request.channelId(), request.visibility(), dueIn == null ? null : dueIn.toString(), now,
                PlaybookSteps.plan(ask, now, zone));
        try {
            playbooks.insert(created);
        } catch (RuntimeException e) {
            log.error("Playbook {}: could not be stored", created.id(), e);
            return Started.refused(NOTHING_STARTED);
        }
        // The kick-off is asked as the leader wrote it (in the thread they mentioned me in, say).
        StartOutcome kickOff;
        try {
            kickOff = run(created, PlaybookSteps.KICKOFF, request);
        } catch (RuntimeException e) {
            log.error("Playbook {}: its kick-off failed to start", created.id(), e);
            kickOff = null;
        }
        if (!(kickOff instanceof StartOutcome.Started)) {
            playbooks.delete(created.id());
            return kickOff == null ? Started.refused(NOTHING_STARTED) : new Started(kickOff, "");
        }
        Playbook stored = playbooks.find(created.teamId(), created.id()).orElse(created);
        try {
            for (Playbook.Step step : stored.steps()) {
                if (step.planned()) {
                    schedule.add(new Job<>(STEP.key(stored.id(), step.name()), stored.teamId(), STEP, step.at(),
                            new StepJobData(stored.id(), step.name())));
                }
            }
        } catch (RuntimeException e) {
            // The kick-off runs; steps that would never start must not show as coming.
            log.error("Playbook {}: could not plan its later steps; stopping them", stored.id(), e);
            playbooks.changeSteps(stored, stored.stopped(clock.instant()));
            return new Started(kickOff, ":warning: It was to be the kick-off of playbook `" + stored.id() + "`, but I "
                    + "couldn't plan its later steps, so it runs as a check-in on its own.");
        }
        announce(stored);
        return new Started(kickOff, ":notebook: It is the kick-off of playbook `" + stored.id() + "` ("
                + PlaybookSteps.title(stored.purpose()) + "): " + upcoming(stored) + ", each a check-in of its own "
                + "with the same people, in <#" + stored.channelId() + ">, seen as this one is. Skip or stop them "
                + "from your Home tab or `/alliance playbooks`; `/alliance stop " + stored.id() + "` stops the rest.");
    }

    /**
     * Starts one step as a check-in, once: the step is taken first, so a retry or a second instance finds
     * it started. Null when it was no longer planned (skipped, stopped, or taken by another run).
     */
    StartOutcome run(Playbook playbook, String stepName, StartRequest kickOffRequest) {
        int index = playbook.indexOf(stepName);
        Playbook.Step step = playbook.steps().get(index);
        Instant now = clock.instant();
        Playbook.Step taken = step.start(now);
        if (!playbooks.changeStep(playbook.id(), index, step, taken)) {
            return null;
        }
        StartRequest request = kickOffRequest != null ? kickOffRequest : playbook.request(step.questions());
        StartOutcome outcome;
        try {
            outcome = starter.startStep(request, playbook.id(), playbook.checkInsBefore(stepName));
        } catch (RuntimeException e) {
            playbooks.changeStep(playbook.id(), index, taken, taken.failed(clock.instant()));
            throw e;
        }
        if (outcome instanceof StartOutcome.Started started) {
            playbooks.changeStep(playbook.id(), index, taken, taken.ran(started.checkIn().id()));
        } else {
            playbooks.changeStep(playbook.id(), index, taken, taken.failed(clock.instant()));
        }
        return outcome;
    }

    String skip(String teamId, String id, String stepName, String userId) {
        return change(teamId, id, userId, p -> {
            int index = p.indexOf(stepName);
            if (index < 0) {
                return "Playbook `" + p.id() + "` has no step called `" + SlackText.escape(stepName) + "`.";
            }
            Playbook.Step step = p.steps().get(index);
            String label = PlaybookSteps.label(step.name());
            if (!step.planned()) {
                return "The " + label + " of playbook `" + p.id() + "` is already " + PlaybookSteps.state(step)
                        + ", so there is nothing to skip.";
            }
            if (!playbooks.changeStep(p.id(), index, step, step.skipped(clock.instant()))) {
                return "The " + label + " of playbook `" + p.id() + "` changed just now; please look again.";
            }
            announce(p);
            return ":fast_forward: The " + label + " of playbook `" + p.id() + "` is skipped: it won't start."
                    + (p.steps().stream().filter(Playbook.Step::planned).count() > 1
                    ? " The steps after it go ahead as planned." : "");
        });
    }

    @Override
    public Optional<String> stop(String teamId, String id, String userId) {
        if (playbooks.find(teamId, id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(change(teamId, id, userId, p -> {
            if (!p.running()) {
                return "Playbook `" + p.id() + "` has no steps left to stop.";
            }
            if (!playbooks.changeSteps(p, p.stopped(clock.instant()))) {
                return "Playbook `" + p.id() + "` changed just now; please try again.";
            }
            announce(p);
            return ":octagonal_sign: Playbook `" + p.id() + "` is stopped: no more of its steps will start. A step "
                    + "already running goes on until it ends; `/alliance stop <check-in id>` stops it.";
        }));
    }

    /** "the pulse on …, the look back on …", for the steps still to come. */
    static String upcoming(Playbook p) {
        List<String> parts = p.steps().stream().filter(Playbook.Step::planned)
                .map(s -> "the " + PlaybookSteps.label(s.name()) + " on " + SlackDates.format(s.at())).toList();
        return parts.isEmpty() ? "no steps to come" : String.join(", ", parts);
    }

    /** The leader's own objective; the purpose's own (as the form prefills it) lets each step use its own. */
    private String ownObjective(StartRequest request) {
        String objective = request.objective();
        if (objective == null || objective.isBlank()) {
            return null;
        }
        String purposes = questionSets.find(request.teamId(), request.purpose()).map(QuestionSet::objective)
                .orElse("");
        return objective.strip().equals(purposes.strip()) ? null : objective.strip();
    }

    /** Tells other modules (Home); a listener's failure must not undo a change that is stored. */
    void announce(Playbook p) {
        try {
            events.publishEvent(new PlaybookChanged(p.teamId(), p.id(), p.leaderId(), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Playbook {}: a listener failed: {}", p.id(), e.getMessage(), e);
        }
    }

    private String change(String teamId, String id, String userId, Function<Playbook, String> change) {
        String normalized = id == null ? "" : id.strip().toUpperCase(Locale.ROOT);
        Optional<Playbook> found = playbooks.find(teamId, normalized);
        if (found.isEmpty()) {
            return "I can't find a playbook with the id `" + SlackText.escape(id) + "`. `/alliance playbooks` "
                    + "shows yours.";
        }
        if (!found.get().leaderId().equals(userId)) {
            return "Only <@" + found.get().leaderId() + ">, who started playbook `" + found.get().id()
                    + "`, can change it.";
        }
        return change.apply(found.get());
    }
}
