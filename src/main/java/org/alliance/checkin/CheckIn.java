package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.alliance.questions.Question;

/**
 * One check-in: what a leader asked, of whom, where its thread is and who may see the answers.
 * The questions are a snapshot, so editing a question set never changes what people answered.
 *
 * @param playbookId        the playbook this check-in is a step of; null for a check-in on its own
 * @param earlierCheckInIds the check-ins of the playbook's earlier steps, oldest first: their answers are
 *                          shown to the leader beside this step's
 */
public record CheckIn(
        String id,
        String teamId,
        String leaderId,
        String purpose,
        String title,
        String objective,
        List<Question> questions,
        List<String> participants,
        String channelId,
        String parentTs,
        String threadTs,
        Visibility visibility,
        int anonymousThreshold,
        Instant dueAt,
        Instant createdAt,
        CheckInStatus status,
        Instant closedAt,
        String leaderChannelId,
        String leaderThreadTs,
        String playbookId,
        List<String> earlierCheckInIds) {

    public CheckIn {
        questions = List.copyOf(questions);
        earlierCheckInIds = earlierCheckInIds == null ? List.of() : List.copyOf(earlierCheckInIds);
        participants = List.copyOf(participants);
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a check-in needs at least one participant");
        }
        if (!dueAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a check-in must be due after it starts");
        }
    }

    /** A check-in that is no step of a playbook. */
    public CheckIn(String id, String teamId, String leaderId, String purpose, String title, String objective,
                   List<Question> questions, List<String> participants, String channelId, String parentTs,
                   String threadTs, Visibility visibility, int anonymousThreshold, Instant dueAt, Instant createdAt,
                   CheckInStatus status, Instant closedAt, String leaderChannelId, String leaderThreadTs) {
        this(id, teamId, leaderId, purpose, title, objective, questions, participants, channelId, parentTs, threadTs,
                visibility, anonymousThreshold, dueAt, createdAt, status, closedAt, leaderChannelId, leaderThreadTs,
                null, List.of());
    }

    public boolean isParticipant(String userId) {
        return participants.contains(userId);
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /**
     * Whether its anonymous summary was shown, given how many answered: only once it ended, and only
     * with at least the threshold; below it, nobody ever sees the answers.
     */
    public boolean anonymousSummaryShown(long answered) {
        return visibility == Visibility.ANONYMOUS && !isOpen() && answered >= anonymousThreshold;
    }

    /** Why {@code userId} may not answer, in words for them; empty when they may. */
    public Optional<String> refusalToAnswer(String userId) {
        if (!isParticipant(userId)) {
            return Optional.of("This check-in (" + id + ") wasn't sent to you, so there is nothing for you to answer.");
        }
        if (!isOpen()) {
            return Optional.of("This check-in (" + id + ") has " + endedWord() + ", so answers can no longer be "
                    + "given or changed.");
        }
        return Optional.empty();
    }

    public String endedWord() {
        return switch (status) {
            case OPEN -> "not ended";
            case COMPLETED -> "completed";
            case CLOSED -> "closed";
            case STOPPED -> "been stopped";
        };
    }

    /**
     * The questions marked anonymous in a check-in whose other answers carry names: their answers are
     * reported only without names, once enough people answered each. Empty for an anonymous check-in,
     * where every answer is kept from names anyway.
     */
    public List<Question> anonymousQuestions() {
        return visibility == Visibility.ANONYMOUS ? List.of()
                : questions.stream().filter(Question::isAnonymous).toList();
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    CheckIn withParent(String parentTs, String threadTs) {
        return new CheckIn(id, teamId, leaderId, purpose, title, objective, questions, participants, channelId,
                parentTs, threadTs, visibility, anonymousThreshold, dueAt, createdAt, status, closedAt,
                leaderChannelId, leaderThreadTs, playbookId, earlierCheckInIds);
    }

    CheckIn withLeaderThread(String leaderChannelId, String leaderThreadTs) {
        return new CheckIn(id, teamId, leaderId, purpose, title, objective, questions, participants, channelId,
                parentTs, threadTs, visibility, anonymousThreshold, dueAt, createdAt, status, closedAt,
                leaderChannelId, leaderThreadTs, playbookId, earlierCheckInIds);
    }

    /** The leader changed who is asked or when it is due; only while open. */
    CheckIn changed(List<String> newParticipants, Instant newDueAt) {
        if (!isOpen()) {
            throw new IllegalStateException("check-in " + id + " has already " + endedWord());
        }
        return new CheckIn(id, teamId, leaderId, purpose, title, objective, questions, newParticipants, channelId,
                parentTs, threadTs, visibility, anonymousThreshold, newDueAt, createdAt, status, closedAt,
                leaderChannelId, leaderThreadTs, playbookId, earlierCheckInIds);
    }

    CheckIn ended(CheckInStatus newStatus, Instant at) {
        if (!isOpen()) {
            throw new IllegalStateException("check-in " + id + " has already " + endedWord());
        }
        if (newStatus.isOpen()) {
            throw new IllegalArgumentException("ending needs a final status");
        }
        return new CheckIn(id, teamId, leaderId, purpose, title, objective, questions, participants, channelId,
                parentTs, threadTs, visibility, anonymousThreshold, dueAt, createdAt, newStatus, at,
                leaderChannelId, leaderThreadTs, playbookId, earlierCheckInIds);
    }
}
