package org.alliance.relationships;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.alliance.checkin.CheckInChanged;
import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The leader's people follow the check-ins they start, until the leader stops tracking someone. */
class RelationshipsTest {

    private static final String TEAM = "T1";
    private static final String LEADER = "U0LEAD";
    private static final Instant MONDAY = Instant.parse("2026-11-30T10:00:00Z");

    private Relationships relationships;
    private final java.util.Map<String, Duration> rhythms = new java.util.HashMap<>();

    @BeforeEach
    void relationships() {
        relationships = new Relationships(new RelationshipRepository(InMemoryMongo.freshDatabase()),
                new DriftRule(new DriftSettings(null, null, null), (teamId, leaderId) -> rhythms));
    }

    private void started(String checkInId, Instant at, String... people) {
        List<String> concerned = new java.util.ArrayList<>(List.of(people));
        concerned.add(0, LEADER);
        relationships.on(new CheckInChanged(TEAM, checkInId, LEADER, CheckInChanged.Change.STARTED, concerned, at));
    }

    @Test
    void aStartedCheckInAddsEveryoneAskedButTheLeader() {
        started("K1", MONDAY, "U0ANN", "U0BOB", LEADER);

        assertThat(relationships.people(TEAM, LEADER)).extracting(Relationship::memberId)
                .containsExactlyInAnyOrder("U0ANN", "U0BOB");
        assertThat(relationships.people(TEAM, "U0ANN")).isEmpty();
        assertThat(relationships.people("T2", LEADER)).isEmpty();
    }

    @Test
    void laterCheckInsMoveTheLastDateAndCountButKeepTheFirst() {
        started("K1", MONDAY, "U0ANN", "U0BOB");
        Instant later = MONDAY.plus(Duration.ofDays(10));
        started("K2", later, "U0ANN");

        Relationship ann = relationships.find(TEAM, LEADER, "U0ANN").orElseThrow();
        assertThat(ann.firstCheckInAt()).isEqualTo(MONDAY);
        assertThat(ann.lastCheckInAt()).isEqualTo(later);
        assertThat(ann.lastCheckInId()).isEqualTo("K2");
        assertThat(ann.checkIns()).isEqualTo(2);
        assertThat(ann.daysSince(later.plus(Duration.ofHours(47)))).isEqualTo(1);
        // The longest without a check-in comes first.
        assertThat(relationships.people(TEAM, LEADER)).extracting(Relationship::memberId)
                .containsExactly("U0BOB", "U0ANN");
    }

    @Test
    void answersAndEndsDoNotCountAsCheckIns() {
        started("K1", MONDAY, "U0ANN");
        relationships.on(new CheckInChanged(TEAM, "K1", LEADER, CheckInChanged.Change.ANSWERED,
                List.of(LEADER, "U0ANN"), MONDAY.plusSeconds(60)));
        relationships.on(new CheckInChanged(TEAM, "K1", LEADER, CheckInChanged.Change.ENDED,
                List.of(LEADER, "U0ANN"), MONDAY.plusSeconds(120)));

        assertThat(relationships.find(TEAM, LEADER, "U0ANN").orElseThrow())
                .extracting(Relationship::lastCheckInAt, Relationship::checkIns).containsExactly(MONDAY, 1);
    }

    @Test
    void stopTrackingRemovesSomeoneUntilTheNextCheckIn() {
        started("K1", MONDAY, "U0ANN", "U0BOB");

        assertThat(relationships.stopTracking(TEAM, LEADER, "U0ANN")).isTrue();
        assertThat(relationships.stopTracking(TEAM, LEADER, "U0ANN")).as("already stopped").isFalse();
        assertThat(relationships.stopTracking(TEAM, LEADER, "U0NOBODY")).isFalse();
        assertThat(relationships.people(TEAM, LEADER)).extracting(Relationship::memberId).containsExactly("U0BOB");

        started("K2", MONDAY.plus(Duration.ofDays(3)), "U0ANN");
        assertThat(relationships.people(TEAM, LEADER)).extracting(Relationship::memberId)
                .containsExactly("U0BOB", "U0ANN");
    }

    @Test
    void driftIsLongerThanTheLimitWithoutACheckIn() {
        started("K1", MONDAY, "U0ANN");
        Relationship ann = relationships.find(TEAM, LEADER, "U0ANN").orElseThrow();

        assertThat(ann.driftedAt(MONDAY.plus(Duration.ofDays(30)), Duration.ofDays(30))).isFalse();
        assertThat(ann.driftedAt(MONDAY.plus(Duration.ofDays(30)).plusSeconds(1), Duration.ofDays(30))).isTrue();
        assertThat(relationships.drifting(ann, MONDAY.plus(Duration.ofDays(29)))).as("default: 30 days").isFalse();
        assertThat(relationships.drifting(ann, MONDAY.plus(Duration.ofDays(31)))).isTrue();
    }

    @Test
    void someoneInARecurringCheckInDriftsAfterItsRhythmPlusTheGrace() {
        started("K1", MONDAY, "U0ANN", "U0BOB", "U0CY");
        rhythms.put("U0ANN", Duration.ofDays(7));
        rhythms.put("U0CY", Duration.ofDays(31));
        Relationship ann = relationships.find(TEAM, LEADER, "U0ANN").orElseThrow();
        Relationship cy = relationships.find(TEAM, LEADER, "U0CY").orElseThrow();

        // Weekly: 7 days and 3 of grace.
        assertThat(relationships.drifting(ann, MONDAY.plus(Duration.ofDays(10)))).isFalse();
        assertThat(relationships.drifting(ann, MONDAY.plus(Duration.ofDays(10)).plusSeconds(1))).isTrue();
        // Monthly: 34 days instead of 30, not the shorter of the two.
        assertThat(relationships.drifting(cy, MONDAY.plus(Duration.ofDays(31)))).isFalse();
        assertThat(relationships.drifting(cy, MONDAY.plus(Duration.ofDays(35)))).isTrue();
        assertThat(relationships.drifting(TEAM, LEADER, MONDAY.plus(Duration.ofDays(31))))
                .extracting(Relationship::memberId).containsExactly("U0ANN", "U0BOB");
    }
}
