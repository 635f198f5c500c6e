package org.alliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/** A scheduled job's log lines say whose work it is: team, kind and what its handler names. */
class JobLogContextTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    record Remind(String checkInId, String userId) {
    }

    private final JobKind<Remind> kind = new JobKind<>("test.remind", Remind.class);
    private final List<Map<String, String>> seen = new ArrayList<>();
    private final JobHandler<Remind> handler = new JobHandler<>() {
        @Override
        public JobKind<Remind> kind() {
            return kind;
        }

        @Override
        public Map<String, String> logContext(Remind payload) {
            return Map.of("checkin.id", payload.checkInId());
        }

        @Override
        public Outcome run(Job<Remind> job) {
            seen.add(MDC.getCopyOfContextMap());
            return Outcome.done();
        }
    };

    private ScheduleRunner runner;
    private Schedule schedule;

    @BeforeEach
    void runner() {
        var db = InMemoryMongo.freshDatabase();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ScheduleSettings settings = new ScheduleSettings(Duration.ofSeconds(1), Duration.ofMinutes(2), 3,
                Duration.ofMinutes(1));
        runner = new ScheduleRunner(new JobRepository(db), List.of(handler), settings, clock);
        schedule = new Schedule(new JobRepository(db), clock);
    }

    @AfterEach
    void close() {
        runner.stopHeartbeats();
        MDC.clear();
    }

    @Test
    void eachJobRunsTaggedWithItsOwnTeamAndCheckInAndTheThreadIsLeftAsItWas() {
        schedule.add(new Job<>(kind.key("C1", "U0A"), "T0ONE", kind, NOW.minusSeconds(60), new Remind("C1", "U0A")));
        schedule.add(new Job<>(kind.key("C2", "U0B"), "T0TWO", kind, NOW.minusSeconds(30), new Remind("C2", "U0B")));
        MDC.put("poller", "tick-1");

        assertThat(runner.tick()).isEqualTo(2);

        assertThat(seen).containsExactly(
                Map.of("poller", "tick-1", "team.id", "T0ONE", "job.kind", "test.remind", "checkin.id", "C1"),
                Map.of("poller", "tick-1", "team.id", "T0TWO", "job.kind", "test.remind", "checkin.id", "C2"));
        assertThat(seen).as("never a user id, so never the job's key either")
                .allSatisfy(context -> assertThat(context.values()).noneMatch(v -> v.contains("U0")));
        assertThat(MDC.getCopyOfContextMap()).isEqualTo(Map.of("poller", "tick-1"));
    }
}
