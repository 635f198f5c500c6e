package org.alliance.checkin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * What is open right now for one person, for dashboards such as Home: the check-ins waiting for
 * their answer and the open ones they lead. Every query here is served by an index, so a leader
 * with years of past check-ins costs no more than one with a few.
 */
@Service
public class OpenCheckIns {

    /** The Answer button to show beside a check-in waiting for someone; the value is the check-in id. */
    public static final String ANSWER_BUTTON = CheckInInteractions.ANSWER;

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;

    OpenCheckIns(CheckInRepository checkIns, ResponseRepository responses) {
        this.checkIns = checkIns;
        this.responses = responses;
    }

    /** An open check-in its leader sees on their dashboard, with its progress in words ("2 of 5 answered"). */
    public record Led(CheckIn checkIn, String progress) {
    }

    /** The first {@code shown} open check-ins a leader leads (newest first) and how many are open in all. */
    public record LedPage(List<Led> shown, long total) {

        public LedPage {
            shown = List.copyOf(shown);
        }
    }

    /** Open check-ins waiting for {@code userId}'s answer, soonest due first. */
    public List<CheckIn> waitingFor(String teamId, String userId) {
        List<CheckIn> waiting = new ArrayList<>();
        for (Response r : responses.pendingFor(teamId, userId)) {
            checkIns.find(teamId, r.checkInId()).filter(CheckIn::isOpen).ifPresent(waiting::add);
        }
        waiting.sort(Comparator.comparing(CheckIn::dueAt));
        return waiting;
    }

    public LedPage ledBy(String teamId, String leaderId, int limit) {
        List<Led> shown = new ArrayList<>();
        for (CheckIn c : checkIns.openLedBy(teamId, leaderId, limit)) {
            shown.add(new Led(c, Progress.of(responses.forCheckIn(c.id())).summary()));
        }
        long total = shown.size() < limit ? shown.size() : checkIns.countOpenLedBy(teamId, leaderId);
        return new LedPage(shown, total);
    }

    /** Whether this person has ever started a check-in. */
    public boolean hasLed(String teamId, String userId) {
        return !checkIns.ledBy(teamId, userId, 1).isEmpty();
    }

    /** Whether this person has ever been asked in a check-in. */
    public boolean wasAsked(String teamId, String userId) {
        return responses.anyFor(teamId, userId);
    }
}
