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
    private final CheckInSchedule schedule;

    CheckInQueries(CheckInRepository checkIns, ResponseRepository responses, CheckInSchedule schedule) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.schedule = schedule;
    }

    public record Led(CheckIn checkIn, Progress progress) {
    }

    public record Overview(List<Led> leading, List<CheckIn> waitingForMe) {
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
    }

    /** A reminder still to go out (the leader sees these in the status). */
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
        List<Upcoming> reminders = asLeader && checkIn.isOpen()
                ? schedule.upcomingReminders(checkIn.id()).stream()
                        // Someone who has answered or skipped won't be reminded: their jobs are only skipped.
                        .filter(j -> all.stream().anyMatch(r -> r.userId().equals(j.payload().userId())
                                && r.status() == ResponseStatus.PENDING))
                        .map(j -> new Upcoming(j.payload().userId(), j.dueAt())).toList()
                : List.of();
        return Optional.of(new Status(checkIn, Progress.of(all), asLeader ? all : List.of(), answers, asLeader, mine,
                reminders));
    }
}
