package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.alliance.questions.QuestionSet;

/**
 * A start that passed every check, worked out before anything is written or posted: what the
 * check-in asks, of whom, and when each person is invited.
 *
 * @param questions the question set, its title already marked with the round when there is one
 * @param inviteAt  when each participant's invitation goes out: {@code now}, or later for a round
 *                  that reaches them at their own local time
 * @param away      participants snoozed at the start, and until when: they are skipped, not asked
 * @param now       the moment the start was planned, which the whole start counts from
 * @param step      the playbook step this check-in is; null for a check-in on its own
 */
record StartPlan(StartRequest request, QuestionSet questions, String objective, Visibility visibility,
                 List<String> participants, Map<String, Instant> inviteAt, Map<String, Instant> away,
                 Instant dueAt, int anonymousThreshold, Instant now, Step step) {

    /** A step of a playbook: which one, and the check-ins of its earlier steps, oldest first. */
    record Step(String playbookId, List<String> earlierCheckInIds) {

        Step {
            earlierCheckInIds = List.copyOf(earlierCheckInIds);
        }
    }

    StartPlan {
        participants = List.copyOf(participants);
        inviteAt = Map.copyOf(inviteAt);
        away = Map.copyOf(away);
    }

    StartPlan(StartRequest request, QuestionSet questions, String objective, Visibility visibility,
              List<String> participants, Map<String, Instant> inviteAt, Map<String, Instant> away,
              Instant dueAt, int anonymousThreshold, Instant now) {
        this(request, questions, objective, visibility, participants, inviteAt, away, dueAt, anonymousThreshold, now,
                null);
    }

    /** The check-in as first stored under {@code id}: its parent message and threads are not posted yet. */
    CheckIn checkIn(String id) {
        return new CheckIn(id, request.teamId(), request.leaderId(), questions.key(), questions.title(), objective,
                questions.questions(), participants, request.channelId(), null, request.threadTs(), visibility,
                anonymousThreshold, dueAt, now, CheckInStatus.OPEN, null, null, null,
                step == null ? null : step.playbookId(), step == null ? List.of() : step.earlierCheckInIds());
    }

    /** Everyone starts pending, except people away, who are skipped with the reason shown to the leader. */
    List<Response> responses(String checkInId) {
        return participants.stream()
                .map(u -> away.containsKey(u)
                        ? Response.away(request.teamId(), checkInId, u, AwayReason.until(away.get(u)), now)
                        : Response.pending(request.teamId(), checkInId, u, now))
                .toList();
    }
}
