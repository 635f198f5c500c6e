package org.alliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two runners on one database, over a real driver and socket: slow work is never taken over while it runs. */
class LeaseRenewalTest {

    private MongoServer server;
    private MongoClient client;
    private JobRepository jobs;

    @BeforeEach
    void database() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        jobs = new JobRepository(client.getDatabase("lease-test"));
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    /** Nothing to say: the work is only slow. */
    record Slow() {
    }

    @Test
    void aJobSlowerThanItsLeaseRunsOnceAcrossTwoRunners() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        JobKind<Slow> kind = new JobKind<>("slow", Slow.class);
        JobHandler<Slow> slow = new JobHandler<>() {
            @Override
            public JobKind<Slow> kind() {
                return kind;
            }

            @Override
            public Outcome run(Job<Slow> job) {
                runs.incrementAndGet();
                try {
                    // Three leases long, as a call waiting out Slack's 429s might be.
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Outcome.done();
            }
        };
        ScheduleSettings settings = new ScheduleSettings(Duration.ofMillis(50), Duration.ofSeconds(1), 3,
                Duration.ofSeconds(1));
        Clock clock = Clock.systemUTC();
        ScheduleRunner first = new ScheduleRunner(jobs, List.of(slow), settings, clock);
        ScheduleRunner second = new ScheduleRunner(jobs, List.of(slow), settings, clock);
        jobs.insert(new Job<>("slow:1", "T1", kind, Instant.now().minusSeconds(1), new Slow()), Instant.now());

        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(first::tick);
        // Whichever runner claims it first, the other must not get it while it runs.
        int takenOver = 0;
        long until = System.nanoTime() + Duration.ofMillis(3_500).toNanos();
        while (System.nanoTime() < until) {
            takenOver += second.tick();
            Thread.sleep(100);
        }

        assertThat(running.get() + takenOver).isEqualTo(1);
        assertThat(runs).hasValue(1);
        assertThat(jobs.find("slow:1")).hasValueSatisfying(d -> assertThat(d.status()).isEqualTo("DONE"));
        first.stopHeartbeats();
        second.stopHeartbeats();
    }
}
