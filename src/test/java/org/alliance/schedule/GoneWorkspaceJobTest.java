package org.alliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.alliance.support.InMemoryMongo;
import org.alliance.workspace.Workspaces;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Work for a workspace that left (uninstalled, or its token rejected) is neither stored nor
 * retried: a job that was already running when it left would otherwise come back as pending.
 */
class GoneWorkspaceJobTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    record Ping(String userId) {
    }

    private final JobKind<Ping> kind = new JobKind<>("test.ping", Ping.class);
    private final List<String> reported = new ArrayList<>();
    private final MongoDatabase db = InMemoryMongo.freshDatabase();
    private final JobRepository jobs = new JobRepository(db);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Workspaces workspaces = mock(Workspaces.class);
    private final ScheduleRunner runner = new ScheduleRunner(jobs, List.of(failing()), new ScheduleSettings(
            Duration.ofSeconds(1), Duration.ofMinutes(2), 3, Duration.ofMinutes(1)), clock, new SimpleMeterRegistry(),
            workspaces);
    private final Schedule schedule = new Schedule(jobs, clock, workspaces);

    @AfterEach
    void close() {
        runner.stopHeartbeats();
    }

    @Test
    void aFailureAfterTheWorkspaceLeftIsNotRetriedWhileOtherWorkspacesAreAsBefore() {
        when(workspaces.unreachable("T1")).thenReturn(Optional.empty());
        when(workspaces.unreachable("T2")).thenReturn(Optional.empty());
        assertThat(schedule.add(new Job<>("test.ping:1", "T1", kind, NOW, new Ping("U1")))).isTrue();
        assertThat(schedule.add(new Job<>("test.ping:2", "T2", kind, NOW, new Ping("U2")))).isTrue();
        when(workspaces.unreachable("T1")).thenReturn(Optional.of("the app was uninstalled"));

        runner.tick();

        assertThat(status("test.ping:1")).isEqualTo("FAILED");
        assertThat(status("test.ping:2")).as("an installed workspace's failure is retried").isEqualTo("PENDING");
        assertThat(reported).as("nobody is told about a workspace that left").isEmpty();
    }

    @Test
    void newWorkForAGoneWorkspaceIsNotStoredButItsOwnLifecycleWorkIs() {
        when(workspaces.unreachable("T1")).thenReturn(Optional.of("the app was uninstalled"));

        assertThat(schedule.add(new Job<>("test.ping:late", "T1", kind, NOW, new Ping("U1")))).isFalse();
        assertThat(schedule.addEvenIfGone(new Job<>("test.ping:purge", "T1", kind, NOW.plusSeconds(60),
                new Ping("U1")))).isTrue();
        assertThat(db.getCollection("jobs").countDocuments(new Document("_id", "test.ping:late"))).isZero();
        assertThat(status("test.ping:purge")).isEqualTo("PENDING");
    }

    private String status(String key) {
        return db.getCollection("jobs").find(new Document("_id", key)).first().getString("status");
    }

    private JobHandler<Ping> failing() {
        return new JobHandler<>() {
            @Override
            public JobKind<Ping> kind() {
                return kind;
            }

            @Override
            public Outcome run(Job<Ping> job) {
                throw new IllegalStateException("chat.postMessage failed: workspace_unreachable");
            }

            @Override
            public void failed(Job<Ping> job, String error) {
                reported.add(job.key());
            }
        };
    }
}
