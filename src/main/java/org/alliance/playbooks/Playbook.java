package org.alliance.playbooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.alliance.checkin.StartRequest;
import org.alliance.checkin.Visibility;

/**
 * A purpose run as a short series of check-ins: the steps, each a check-in of its own at its time, with
 * the people, channel, visibility and leader of the kick-off. {@code dueIn} is an ISO-8601 duration (the
 * driver has no codec for {@link Duration}), or null for the default. Steps change one at a time, each
 * only from the status its transition expects, so a retried job or a double click changes a step once.
 */
public record Playbook(
        String id,
        String teamId,
        String leaderId,
        String purpose,
        String objective,
        List<String> userIds,
        List<String> userGroupIds,
        List<String> memberChannelIds,
        String channelId,
        Visibility visibility,
        String dueIn,
        Instant createdAt,
        List<Step> steps) {

    /** Where a step is: waiting for its time, started as a check-in, or not to run. */
    public enum StepStatus { PLANNED, STARTED, SKIPPED, STOPPED, FAILED }

    /**
     * One step.
     *
     * @param name      {@code kickoff}, {@code pulse}, {@code lookback}, {@code midpoint} or {@code wrapup}
     * @param questions the key of the question set it asks
     * @param at        when it starts
     * @param checkInId the check-in it started; null until then (and for a step that never ran)
     * @param changedAt when its status last changed
     */
    public record Step(String name, String questions, Instant at, StepStatus status, String checkInId,
                       Instant changedAt) {

        public Step {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
        }

        static Step planned(String name, String questions, Instant at) {
            return new Step(name, questions, at, StepStatus.PLANNED, null, null);
        }

        boolean planned() {
            return status == StepStatus.PLANNED;
        }

        /** Taken to be started now: only a planned step, and not before its time. */
        Step start(Instant now) {
            expect(StepStatus.PLANNED, "start");
            if (now.isBefore(at)) {
                throw new IllegalStateException("step " + name + " is not due until " + at);
            }
            return new Step(name, questions, at, StepStatus.STARTED, null, now);
        }

        /** The check-in it started; once. */
        Step ran(String newCheckInId) {
            expect(StepStatus.STARTED, "attach a check-in to");
            if (checkInId != null) {
                throw new IllegalStateException("step " + name + " already ran as " + checkInId);
            }
            return new Step(name, questions, at, status, Objects.requireNonNull(newCheckInId), changedAt);
        }

        /** Its check-in could not start. */
        Step failed(Instant now) {
            expect(StepStatus.STARTED, "fail");
            if (checkInId != null) {
                throw new IllegalStateException("step " + name + " already ran as " + checkInId);
            }
            return new Step(name, questions, at, StepStatus.FAILED, null, now);
        }

        Step skipped(Instant now) {
            expect(StepStatus.PLANNED, "skip");
            return new Step(name, questions, at, StepStatus.SKIPPED, null, now);
        }

        Step stopped(Instant now) {
            expect(StepStatus.PLANNED, "stop");
            return new Step(name, questions, at, StepStatus.STOPPED, null, now);
        }

        private void expect(StepStatus expected, String what) {
            if (status != expected) {
                throw new IllegalStateException("can't " + what + " step " + name + ": it is " + status);
            }
        }
    }

    public Playbook {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        userGroupIds = userGroupIds == null ? List.of() : List.copyOf(userGroupIds);
        memberChannelIds = memberChannelIds == null ? List.of() : List.copyOf(memberChannelIds);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a playbook needs at least one step");
        }
    }

    /** Whether any step is still to come. */
    public boolean running() {
        return steps.stream().anyMatch(Step::planned);
    }

    int indexOf(String stepName) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(stepName)) {
                return i;
            }
        }
        return -1;
    }

    Optional<Step> step(String stepName) {
        int i = indexOf(stepName);
        return i < 0 ? Optional.empty() : Optional.of(steps.get(i));
    }

    /** The check-ins of the steps before {@code stepName} that ran, oldest first. */
    List<String> checkInsBefore(String stepName) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < indexOf(stepName); i++) {
            if (steps.get(i).checkInId() != null) {
                ids.add(steps.get(i).checkInId());
            }
        }
        return ids;
    }

    /** The playbook with one step changed. */
    Playbook with(int index, Step step) {
        List<Step> changed = new ArrayList<>(steps);
        changed.set(index, step);
        return new Playbook(id, teamId, leaderId, purpose, objective, userIds, userGroupIds, memberChannelIds,
                channelId, visibility, dueIn, createdAt, changed);
    }

    /** Every step still to come stopped; only while one is. */
    Playbook stopped(Instant now) {
        if (!running()) {
            throw new IllegalStateException("playbook " + id + " has no steps to come");
        }
        return new Playbook(id, teamId, leaderId, purpose, objective, userIds, userGroupIds, memberChannelIds,
                channelId, visibility, dueIn, createdAt,
                steps.stream().map(s -> s.planned() ? s.stopped(now) : s).toList());
    }

    /** What each step asks of the same people, in the same channel, seen by the same people. */
    StartRequest request(String questions) {
        return new StartRequest(teamId, leaderId, questions, objective, List.of(), userIds, userGroupIds,
                memberChannelIds, channelId, null, visibility, dueIn == null ? null : Duration.parse(dueIn), null);
    }
}
