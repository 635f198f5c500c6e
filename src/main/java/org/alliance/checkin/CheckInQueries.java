package org.alliance.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.alliance.shared.ShortIds;

/** Read-only views for {@code /alliance list} and {@code /alliance status}, filtered by who asks. */
@Service
public class CheckInQueries {

    static final int RECENT = 10;

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final ReminderPlan reminderPlan;

    CheckInQueries(CheckInRepository checkIns, ResponseRepository responses, ReminderPlan reminderPlan) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.reminderPlan = reminderPlan;
    }

    public record Led(CheckIn checkIn, Progress progress) {
    }

    public record Overview(List<Led> leading, List<CheckIn> waitingForMe) {
    }

    /** A leader's check-ins of one purpose in one channel since {@code since}, newest first (a series' rounds). */
    public List<CheckIn> ledIn(String teamId, String leaderId, String channelId, String purpose,
                               java.time.Instant since, int limit) {
        return checkIns.ledIn(teamId, leaderId, channelId, purpose, since, limit);
    }

    public Overview overview(String teamId, String userId) {
        List<Led> leading = new ArrayList<>();
        for (CheckIn c : checkIns.ledBy(teamId, userId, RECENT)) {
            leading.add(new Led(c, Progress.of(responses.forCheckIn(c.id()))));
        }
        List<CheckIn> waiting = new ArrayList<>();
        for (Response r : responses.pendingFor(teamId, userId)) {
            checkIns.find(teamId, r.checkInId()).filter(CheckIn::isOpen).ifPresent(waiting::add);
        }
        waiting.sort((a, b) -> a.dueAt().compareTo(b.dueAt()));
        return new Overview(leading, waiting);
    }

    /**
     * @param answers the answers the asker may see here: the leader's, unless the check-in is
     *                anonymous (then none: anonymity holds for the leader too)
     */
    public record Status(CheckIn checkIn, Progress progress, List<Response> responses, List<Response> answers,
                         boolean asLeader, Optional<Response> mine, List<Upcoming> reminders) {

        /** "2 of 3 answered, 1 skipped", for other modules that show a check-in's progress. */
        public String progressSummary() {
            return progress.summary();
        }
    }

    /** A reminder that will go out, at its real time (the leader sees these in the status). */
    public record Upcoming(String userId, java.time.Instant at) {
    }

    public Optional<Status> status(String teamId, String checkInId, String userId) {
        Optional<CheckIn> found = checkIns.find(teamId, ShortIds.normalize(checkInId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CheckIn checkIn = found.get();
        List<Response> all = responses.forCheckIn(checkIn.id());
        boolean asLeader = checkIn.leaderId().equals(userId);
        List<Response> answers = asLeader && checkIn.visibility() != Visibility.ANONYMOUS
                ? all.stream().filter(r -> r.status() == ResponseStatus.ANSWERED).toList()
                : List.of();
        Optional<Response> mine = all.stream().filter(r -> r.userId().equals(userId)).findFirst();
        // Worked out by the decision the reminder job makes: only reminders that will go, when they will.
        List<Upcoming> reminders = asLeader ? reminderPlan.upcoming(checkIn, all) : List.of();
        return Optional.of(new Status(checkIn, Progress.of(all), asLeader ? all : List.of(), answers, asLeader, mine,
                reminders));
    }
}
