package org.alliance.home;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.alliance.checkin.CheckIn;
import org.alliance.checkin.OpenCheckIns;
import org.alliance.commitments.Commitment;
import org.alliance.commitments.CommitmentQueries;
import org.alliance.playbooks.PlaybookQueries;
import org.alliance.recurring.SeriesQueries;
import org.alliance.relationships.Relationship;
import org.alliance.relationships.Relationships;
import org.alliance.score.FollowThrough;
import org.springframework.stereotype.Service;

/**
 * Reads what one person's Home shows. Each query is served by an index on (team, person, …), so
 * the cost follows what is open and who the leader's people are, not how many check-ins they ever ran.
 */
@Service
class HomeDashboard {

    /** Enough of a leader's open commitments to show every person's few; more is said by "and N more". */
    static final int COMMITMENTS_READ = 200;

    private final OpenCheckIns checkIns;
    private final CommitmentQueries commitments;
    private final SeriesQueries series;
    private final Relationships relationships;
    private final FollowThrough followThrough;
    private final Clock clock;
    private final PlaybookQueries playbooks;

    HomeDashboard(OpenCheckIns checkIns, CommitmentQueries commitments, SeriesQueries series,
                  Relationships relationships, FollowThrough followThrough, Clock clock,
                  PlaybookQueries playbooks) {
        this.playbooks = playbooks;
        this.checkIns = checkIns;
        this.commitments = commitments;
        this.series = series;
        this.relationships = relationships;
        this.followThrough = followThrough;
        this.clock = clock;
    }

    HomeData load(String teamId, String userId) {
        Instant now = clock.instant();
        List<CheckIn> waiting = checkIns.waitingFor(teamId, userId);
        List<Commitment> toMe = commitments.openToMember(teamId, userId, COMMITMENTS_READ);
        OpenCheckIns.LedPage led = checkIns.ledBy(teamId, userId, HomeView.LED);
        List<SeriesQueries.Running> running = series.runningLedBy(teamId, userId);
        List<Relationship> people = relationships.people(teamId, userId);
        Map<String, List<Commitment>> mine = people.isEmpty() ? Map.of()
                : commitments.openByLeader(teamId, userId, COMMITMENTS_READ).stream()
                        .collect(Collectors.groupingBy(Commitment::memberId));
        // One look at the leader's series for everyone, not one per person.
        java.util.Set<String> drifted = people.isEmpty() ? java.util.Set.of()
                : relationships.drifting(teamId, userId, people, now).stream().map(Relationship::memberId)
                        .collect(Collectors.toSet());
        List<HomeData.Person> persons = people.stream()
                .map(r -> new HomeData.Person(r, drifted.contains(r.memberId()),
                        mine.getOrDefault(r.memberId(), List.of())))
                .toList();
        boolean hasLed = !people.isEmpty() || led.total() > 0 || !running.isEmpty() || checkIns.hasLed(teamId, userId);
        boolean wasAsked = !waiting.isEmpty() || !toMe.isEmpty() || checkIns.wasAsked(teamId, userId);
        return new HomeData(waiting, toMe, led, running, persons, hasLed, wasAsked, now,
                // The Home owner's own figures, never anyone else's.
                hasLed ? followThrough.ofViewer(teamId, userId) : null,
                hasLed ? playbooks.runningLedBy(teamId, userId) : List.of());
    }
}
