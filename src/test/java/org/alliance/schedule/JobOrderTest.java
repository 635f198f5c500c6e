package org.alliance.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.alliance.support.InMemoryMongo;
import org.alliance.support.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The poll claims from the in-memory order of due jobs: in due order, never early, seeing its own
 * writes at once and other instances' writes after a resync; finished jobs go after keep-finished.
 */
class JobOrderTest {

    private static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    private static final Duration NEVER = Duration.ofDays(1);

    record Ping(String name) {
    }

    private final JobKind<Ping> kind = new JobKind<>("test.ping", Ping.class);
    private final MongoDatabase db = InMemoryMongo.freshDatabase();
    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> ran = new ArrayList<>();
    private final List<ScheduleRunner> runners = new ArrayList<>();
    private final JobHandler<Ping> handler = new JobHandler<>() {
        @Override
        public JobKind<Ping> kind() {
            return kind;
        }

        @Override
        public Outcome run(Job<Ping> job) {
            ran.add(job.payload().name());
            return Outcome.done();
        }
    };

    @AfterEach
    void stop() {
        runners.forEach(ScheduleRunner::stopHeartbeats);
    }

    /** One instance: its repository, schedule and runner, rereading the database every {@code resync}. */
    private record Instance(JobRepository jobs, Schedule schedule, ScheduleRunner runner) {
    }

    private Instance instance(Duration resync) {
        JobRepository jobs = new JobRepository(db);
        ScheduleRunner runner = new ScheduleRunner(jobs, List.of(handler), new ScheduleSettings(Duration.ofSeconds(5),
                Duration.ofMinutes(2), 3, Duration.ofMinutes(1), Duration.ofDays(7), resync), clock);
        runners.add(runner);
        return new Instance(jobs, new Schedule(jobs, clock), runner);
    }

    private Job<Ping> ping(String name, Instant dueAt) {
        return new Job<>("test.ping:" + name, "T1", kind, dueAt, new Ping(name));
    }

    private Document stored(String name) {
        return db.getCollection("jobs").find(Filters.eq("_id", "test.ping:" + name)).first();
    }

    @Test
    void dueJobsAreClaimedInDueOrderAndAFutureOneIsLeftWaiting() {
        Instance one = instance(NEVER);
        one.runner().tick();
        one.schedule().add(ping("second", NOW.minusSeconds(180)));
        one.schedule().add(ping("later", NOW.plusSeconds(1)));
        one.schedule().add(ping("third", NOW.minusSeconds(60)));
        one.schedule().add(ping("first", NOW.minusSeconds(300)));

        assertThat(one.runner().tick()).isEqualTo(3);

        assertThat(ran).containsExactly("first", "second", "third");
        assertThat(stored("later").getString("status")).isEqualTo("PENDING");
        clock.advance(Duration.ofSeconds(1));
        assertThat(one.runner().tick()).isEqualTo(1);
        assertThat(ran).endsWith("later");
    }

    @Test
    void aJobAnotherInstanceAddedIsSeenAfterTheNextResync() {
        Instance one = instance(NEVER);
        Instance other = instance(NEVER);
        one.runner().tick();
        other.schedule().add(ping("theirs", NOW.minusSeconds(1)));

        assertThat(one.runner().tick()).as("not in this instance's order yet").isZero();

        one.runner().resyncSoon();
        assertThat(one.runner().tick()).isEqualTo(1);
        assertThat(ran).containsExactly("theirs");
    }

    @Test
    void theResyncComesByItselfAfterResyncEvery() {
        Instance one = instance(Duration.ofMillis(20));
        Instance other = instance(NEVER);
        one.runner().tick();
        other.schedule().add(ping("theirs", NOW.minusSeconds(1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> one.runner().tick() == 1);
        assertThat(ran).containsExactly("theirs");
    }

    @Test
    void aRescheduledJobMovesInTheOrder() {
        Instance one = instance(NEVER);
        one.runner().tick();
        one.schedule().add(ping("sooner", NOW.plusSeconds(3600)));
        one.schedule().add(ping("put-off", NOW.minusSeconds(60)));

        assertThat(one.schedule().reschedule("test.ping:sooner", NOW.minusSeconds(1))).isTrue();
        assertThat(one.schedule().reschedule("test.ping:put-off", NOW.plusSeconds(3600))).isTrue();
        assertThat(one.runner().tick()).isEqualTo(1);

        assertThat(ran).containsExactly("sooner");
        assertThat(stored("put-off").getString("status")).isEqualTo("PENDING");
    }

    @Test
    void aJobDeletedOrFinishedElsewhereIsNeverClaimedAndLeavesTheOrder() {
        Instance one = instance(NEVER);
        one.runner().tick();
        one.schedule().add(ping("cancelled", NOW.minusSeconds(60)));
        one.schedule().add(ping("done-elsewhere", NOW.minusSeconds(30)));
        db.getCollection("jobs").deleteOne(Filters.eq("_id", "test.ping:cancelled"));
        db.getCollection("jobs").updateOne(Filters.eq("_id", "test.ping:done-elsewhere"),
                Updates.combine(Updates.set("status", "DONE"), Updates.set("finishedAt", Date.from(NOW))));

        assertThat(one.runner().tick()).isZero();

        assertThat(ran).isEmpty();
        assertThat(one.jobs().known()).isZero();
        assertThat(stored("done-elsewhere").getInteger("attempts")).isZero();
    }

    @Test
    void aLeaseThatRanOutIsTakenOverAndALiveOneIsNot() {
        storeClaimed("dead", NOW.minusSeconds(60));
        storeClaimed("alive", NOW.plusSeconds(60));
        Instance one = instance(NEVER);

        assertThat(one.runner().tick()).isEqualTo(1);
        assertThat(ran).containsExactly("dead");
        assertThat(stored("dead").getString("claimedBy")).isNotEqualTo("crashed");
        assertThat(stored("dead").getInteger("attempts")).as("the crashed claim and this one").isEqualTo(2);
        assertThat(stored("alive").getString("status")).isEqualTo("CLAIMED");

        // Its instance crashed too: no resync needed, the order knew when the lease would run out.
        clock.advance(Duration.ofSeconds(61));
        assertThat(one.runner().tick()).isEqualTo(1);
        assertThat(ran).containsExactly("dead", "alive");
    }

    @Test
    void finishedJobsOlderThanKeepFinishedAreDeletedAndYoungerOnesKept() {
        storeFinished("old-done", "DONE", NOW.minus(Duration.ofDays(8)));
        storeFinished("old-failed", "FAILED", NOW.minus(Duration.ofDays(7)).minusSeconds(1));
        storeFinished("young-done", "DONE", NOW.minus(Duration.ofDays(6)));
        Instance one = instance(NEVER);
        one.schedule().add(ping("future", NOW.plus(Duration.ofDays(30))));

        one.runner().tick();

        assertThat(stored("old-done")).isNull();
        assertThat(stored("old-failed")).isNull();
        assertThat(stored("young-done")).isNotNull();
        assertThat(stored("future")).isNotNull();

        // Swept at most hourly: the next sweep, an hour on, finds the young one still young.
        clock.advance(Duration.ofHours(1));
        one.runner().tick();
        assertThat(stored("young-done")).isNotNull();
        clock.advance(Duration.ofDays(1));
        one.runner().tick();
        assertThat(stored("young-done")).isNull();
    }

    @Test
    void aSweepDeletesInBatchesUpToItsBound() {
        int many = ScheduleUpkeep.SWEEP_BATCH * 2 + 5;
        List<Document> old = new ArrayList<>();
        for (int i = 0; i < many; i++) {
            old.add(finished("old-" + i, "DONE", NOW.minus(Duration.ofDays(30))));
        }
        db.getCollection("jobs").insertMany(old);
        JobRepository jobs = new JobRepository(db);

        assertThat(jobs.deleteFinished(NOW, ScheduleUpkeep.SWEEP_BATCH, 2)).isEqualTo(2L * ScheduleUpkeep.SWEEP_BATCH);
        assertThat(jobs.deleteFinished(NOW, ScheduleUpkeep.SWEEP_BATCH, 2)).isEqualTo(5);
        assertThat(db.getCollection("jobs").countDocuments()).isZero();
    }

    @Test
    void settingsRefuseAKeepFinishedUnderAnHourAndAZeroResync() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScheduleSettings(null, null, null, null,
                Duration.ofMinutes(5), null)).hasMessageContaining("alliance.scheduler.keep-finished");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScheduleSettings(null, null, null, null,
                null, Duration.ZERO)).hasMessageContaining("alliance.scheduler.resync-every");
        assertThat(new ScheduleSettings(null, null, null, null)).satisfies(s -> {
            assertThat(s.keepFinished()).isEqualTo(Duration.ofDays(7));
            assertThat(s.resyncEvery()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    private void storeClaimed(String name, Instant leaseUntil) {
        db.getCollection("jobs").insertOne(new Document("_id", "test.ping:" + name).append("teamId", "T1")
                .append("kind", kind.name()).append("dueAt", Date.from(NOW.minusSeconds(600)))
                .append("data", new Document("name", name)).append("status", "CLAIMED")
                .append("claimedBy", "crashed").append("leaseUntil", Date.from(leaseUntil)).append("attempts", 1)
                .append("createdAt", Date.from(NOW.minusSeconds(900))));
    }

    private void storeFinished(String name, String status, Instant finishedAt) {
        db.getCollection("jobs").insertOne(finished(name, status, finishedAt));
    }

    private Document finished(String name, String status, Instant finishedAt) {
        return new Document("_id", "test.ping:" + name).append("teamId", "T1").append("kind", kind.name())
                .append("dueAt", Date.from(finishedAt)).append("data", new Document("name", name))
                .append("status", status).append("attempts", 1).append("createdAt", Date.from(finishedAt))
                .append("finishedAt", Date.from(finishedAt));
    }
}
