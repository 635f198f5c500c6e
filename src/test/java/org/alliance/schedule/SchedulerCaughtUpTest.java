package org.alliance.schedule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerCaughtUpTest {

    @Test
    void announcedOnceAfterTheFirstReadOfPendingWork() {
        List<Object> events = new ArrayList<>();
        ScheduleRunner runner = new ScheduleRunner(new JobRepository(InMemoryMongo.freshDatabase()), List.of(),
                new ScheduleSettings(null, null, null, null), Clock.systemUTC(), new SimpleMeterRegistry(), null,
                events::add);
        assertThat(events).as("before any poll").isEmpty();

        runner.tick();
        assertThat(events).containsExactly(new SchedulerCaughtUp());

        runner.tick();
        runner.resyncSoon(); // a later full read is not a start
        runner.tick();
        assertThat(events).hasSize(1);
    }
}
