package org.alliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.alliance.support.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored job whose data doesn't make its payload fails at once, with the reason in its note,
 * without reaching its handler; the rest of the due work still runs in the same tick.
 */
class UnreadableJobTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    record Nudge(String userId, int n) {
    }

    private final List<Nudge> ran = new ArrayList<>();
    private final List<String> reportedFailures = new ArrayList<>();
    private final JobKind<Nudge> kind = new JobKind<>("test.nudge", Nudge.class);
    private final JobHandler<Nudge> handler = new JobHandler<>() {
        @Override
        public JobKind<Nudge> kind() {
            return kind;
        }

        @Override
        public Outcome run(Job<Nudge> job) {
            if (job.payload().n() < 0) {
                throw new IllegalStateException("Slack said no");
            }
            ran.add(job.payload());
            return Outcome.done();
        }

        @Override
        public void failed(Job<Nudge> job, String error) {
            reportedFailures.add(job.key());
        }
    };

    private MongoDatabase db;
    private ScheduleRunner runner;

    @BeforeEach
    void runner() {
        db = InMemoryMongo.freshDatabase();
        ScheduleSettings settings = new ScheduleSettings(Duration.ofSeconds(1), Duration.ofMinutes(2), 3,
                Duration.ofMinutes(1));
        runner = new ScheduleRunner(new JobRepository(db), List.of(handler), settings,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        runner.stopHeartbeats();
    }

    @Test
    void garbledOrMissingDataFailsTheJobAndTheTickGoesOn() {
        store("test.nudge:garbled", 1, new Document("userId", "U0A").append("n", "one"));
        store("test.nudge:missing", 2, new Document("userId", "U0B"));
        store("test.nudge:no-data", 3, null);
        store("test.nudge:good", 4, new Document("userId", "U0C").append("n", "2"));

        assertThat(runner.tick()).isEqualTo(4);

        assertThat(ran).containsExactly(new Nudge("U0C", 2));
        assertThat(job("test.nudge:good").getString("status")).isEqualTo("DONE");
        Document garbled = job("test.nudge:garbled");
        assertThat(garbled.getString("status")).isEqualTo("FAILED");
        assertThat(garbled.getInteger("attempts")).as("failed at once: retrying can't help").isEqualTo(1);
        assertThat(garbled.getString("note"))
                .isEqualTo("unreadable: its data doesn't make a Nudge: 'n' is 'one', which isn't a whole number");
        assertThat(job("test.nudge:missing").getString("note")).contains("'n' is missing");
        assertThat(job("test.nudge:no-data").getString("note")).contains("'userId' is missing");
        assertThat(List.of("test.nudge:missing", "test.nudge:no-data"))
                .allSatisfy(key -> assertThat(job(key).getString("status")).isEqualTo("FAILED"));
        assertThat(reportedFailures).as("no payload to report a failure with").isEmpty();
        assertThat(runner.tick()).as("nothing left to claim").isZero();
    }

    @Test
    void aFieldStoredAsAnythingButTextFailsTheJobToo() {
        // As if someone had mended the job by hand and typed a number where text belongs.
        store("test.nudge:number", 2, new Document("userId", "U0A").append("n", 2));
        store("test.nudge:good", 1, new Document("userId", "U0C").append("n", "2"));

        assertThat(runner.tick()).isEqualTo(2);

        Document number = job("test.nudge:number");
        assertThat(number.getString("status")).isEqualTo("FAILED");
        assertThat(number.getString("note")).contains("'n' is stored as Integer 2, not as text");
        assertThat(ran).containsExactly(new Nudge("U0C", 2));
    }

    @Test
    void aHandlersOwnErrorIsStillRetriedAsBefore() {
        store("test.nudge:refused", 1, new Document("userId", "U0A").append("n", "-1"));

        assertThat(runner.tick()).isEqualTo(1);

        Document refused = job("test.nudge:refused");
        assertThat(refused.getString("status")).isEqualTo("PENDING");
        assertThat(refused.getString("note")).isEqualTo("Slack said no");
        assertThat(refused.getDate("dueAt").toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aKindWithoutAHandlerStillFails() {
        db.getCollection("jobs").insertOne(new Document("_id", "test.gone:1").append("teamId", "T1")
                .append("kind", "test.gone").append("dueAt", Date.from(NOW)).append("data", new Document())
                .append("status", "PENDING").append("attempts", 0));

        assertThat(runner.tick()).isEqualTo(1);

        assertThat(job("test.gone:1").getString("status")).isEqualTo("FAILED");
        assertThat(job("test.gone:1").getString("note")).isEqualTo("no handler");
    }

    /** A job document as the repository writes it, due {@code minutesAgo} minutes ago. */
    private void store(String key, int minutesAgo, Document data) {
        db.getCollection("jobs").insertOne(new Document("_id", key).append("teamId", "T1").append("kind", "test.nudge")
                .append("dueAt", Date.from(NOW.minus(Duration.ofMinutes(minutesAgo)))).append("data", data)
                .append("status", "PENDING").append("claimedBy", null).append("leaseUntil", null)
                .append("attempts", 0).append("createdAt", Date.from(NOW.minus(Duration.ofDays(1))))
                .append("finishedAt", null).append("note", null));
    }

    private Document job(String key) {
        return db.getCollection("jobs").find(new Document("_id", key)).first();
    }
}
