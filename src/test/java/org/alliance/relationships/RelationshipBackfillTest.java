package org.alliance.relationships;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.checkin.CheckInChanged;
import org.alliance.checkin.TestCheckIns;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.Schedules;
import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Check-ins stored before relationships were kept give their leaders their people, once. */
class RelationshipBackfillTest {

    private static final Instant JAN = Instant.parse("2025-01-06T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private MongoDatabase db;
    private TestCheckIns checkIns;
    private RelationshipRepository repository;
    private RelationshipBackfill backfill;
    private Relationships relationships;

    @BeforeEach
    void setUp() {
        db = InMemoryMongo.freshDatabase();
        checkIns = new TestCheckIns(db);
        repository = new RelationshipRepository(db);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        backfill = new RelationshipBackfill(checkIns.past(), repository,
                new DriftJobs(Schedules.on(db, clock), clock));
        relationships = new Relationships(repository,
                new DriftRule(new DriftSettings(null, null, null), (teamId, leaderId) -> java.util.Map.of()));
    }

    private void stored(String id, Instant at, String... participants) {
        checkIns.store(TestCheckIns.checkIn(id).participants(participants).createdAt(at).build());
    }

    @Test
    void buildsEachLeadersPeopleWithTheirFirstAndLatestCheckIn() {
        Instant feb = JAN.plus(Duration.ofDays(30));
        stored("K00001", JAN, "U0ANN", "U0BOB");
        stored("K00002", feb, "U0ANN", TestCheckIns.LEADER);

        JobHandler.Outcome outcome = backfill.run();

        Relationship ann = relationships.find(TestCheckIns.TEAM, TestCheckIns.LEADER, "U0ANN").orElseThrow();
        assertThat(ann).isEqualTo(new Relationship(TestCheckIns.TEAM, TestCheckIns.LEADER, "U0ANN", JAN, feb,
                "K00002", 2, true, null));
        assertThat(relationships.people(TestCheckIns.TEAM, TestCheckIns.LEADER)).extracting(Relationship::memberId)
                .as("the leader asked themselves once: not their own person").containsExactly("U0BOB", "U0ANN");
        assertThat(outcome).isEqualTo(new JobHandler.Outcome.Done("2 relationship(s) built from 2 stored check-in(s)"));
        // The workspace gets its daily sweep, so these people can drift and be told about.
        assertThat(db.getCollection("jobs").countDocuments(Filters.eq("_id",
                "drift.sweep:" + TestCheckIns.TEAM + ":2026-12-01"))).isEqualTo(1);
    }

    @Test
    void leavesRelationshipsKeptFromNewerCheckInsAloneAndChangesNothingTheSecondTime() {
        stored("K00001", JAN, "U0ANN", "U0BOB");
        // Ann was checked in with after the upgrade, and then the leader stopped tracking her.
        relationships.on(new CheckInChanged(TestCheckIns.TEAM, "K00009", TestCheckIns.LEADER,
                CheckInChanged.Change.STARTED, java.util.List.of(TestCheckIns.LEADER, "U0ANN"), NOW));
        relationships.stopTracking(TestCheckIns.TEAM, TestCheckIns.LEADER, "U0ANN");

        backfill.run();
        Relationship ann = relationships.find(TestCheckIns.TEAM, TestCheckIns.LEADER, "U0ANN").orElseThrow();
        Relationship bob = relationships.find(TestCheckIns.TEAM, TestCheckIns.LEADER, "U0BOB").orElseThrow();
        assertThat(ann).isEqualTo(new Relationship(TestCheckIns.TEAM, TestCheckIns.LEADER, "U0ANN", NOW, NOW,
                "K00009", 1, false, null));

        assertThat(backfill.run()).isEqualTo(new JobHandler.Outcome.Done("0 relationship(s) built from 1 stored check-in(s)"));
        assertThat(relationships.find(TestCheckIns.TEAM, TestCheckIns.LEADER, "U0ANN")).contains(ann);
        assertThat(relationships.find(TestCheckIns.TEAM, TestCheckIns.LEADER, "U0BOB")).contains(bob);
    }
}
