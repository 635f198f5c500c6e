package org.alliance.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The poller over a database that goes away: it waits, and work it sent is never sent twice. */
class ScheduleOutageTest {

    /** Stopping the server must not clear its data, as a real database's restart doesn't. */
    private final MemoryBackend backend = new MemoryBackend() {
        @Override
        public void close() {
        }
    };
    private final int port = freePort();
    private volatile MongoServer server;
    private MongoClient client;
    private JobRepository jobs;

    record Note() {
    }

    private final JobKind<Note> kind = new JobKind<>("note", Note.class);
    private final ScheduleSettings settings = new ScheduleSettings(Duration.ofMillis(50), Duration.ofSeconds(20), 3,
            Duration.ofSeconds(1));

    @BeforeEach
    void database() {
        server = start();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .build());
        jobs = new JobRepository(client.getDatabase("outage"));
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aTickWhileTheDatabaseIsDownRunsNothingAndThrowsNothingThenResumes() {
        AtomicInteger sent = new AtomicInteger();
        ScheduleRunner runner = new ScheduleRunner(jobs, List.of(sending(sent, null)), settings, Clock.systemUTC());
        jobs.insert(new Job<>("note:1", "T1", kind, Instant.now().minusSeconds(1), new Note()), Instant.now());
        server.shutdownNow();

        assertThat(runner.tick()).isZero();
        assertThat(runner.tick()).isZero();

        server = start();
        // The driver notices the server is back within a tick or two.
        AtomicInteger ran = new AtomicInteger();
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.addAndGet(runner.tick()) >= 1);
        assertThat(ran).hasValue(1);
        assertThat(sent).hasValue(1);
        assertThat(jobs.find("note:1")).hasValueSatisfying(d -> assertThat(d.status()).isEqualTo("DONE"));
        runner.stopHeartbeats();
    }

    @Test
    void aJobThatSentItsMessageWaitsForTheDatabaseToRecordItAndNeverSendsAgain() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        // The database goes away just after the message went out, and is back a second later.
        Runnable outage = () -> {
            server.shutdownNow();
            CompletableFuture.runAsync(() -> {
                sleep(1_000);
                server = start();
            });
        };
        ScheduleRunner runner = new ScheduleRunner(jobs, List.of(sending(sent, outage)), settings, Clock.systemUTC());
        jobs.insert(new Job<>("note:2", "T1", kind, Instant.now().minusSeconds(1), new Note()), Instant.now());

        assertThat(runner.tick()).isEqualTo(1);
        for (int i = 0; i < 5; i++) {
            runner.tick();
        }

        assertThat(sent).hasValue(1);
        assertThat(jobs.find("note:2")).hasValueSatisfying(d -> assertThat(d.status()).isEqualTo("DONE"));
        runner.stopHeartbeats();
    }

    @Test
    void aJobTheDatabaseFailsInsideGoesBackWithoutUsingUpATry() {
        AtomicInteger calls = new AtomicInteger();
        JobHandler<Note> reading = new JobHandler<>() {
            @Override
            public JobKind<Note> kind() {
                return kind;
            }

            @Override
            public Outcome run(Job<Note> job) {
                if (calls.incrementAndGet() == 1) {
                    // What a handler's own read sees while the database is away.
                    throw new com.mongodb.MongoTimeoutException("Timed out while waiting for a server");
                }
                return Outcome.done();
            }
        };
        ScheduleRunner runner = new ScheduleRunner(jobs, List.of(reading), settings, Clock.systemUTC());
        jobs.insert(new Job<>("note:3", "T1", kind, Instant.now().minusSeconds(1), new Note()), Instant.now());

        assertThat(runner.tick()).isZero();
        assertThat(jobs.find("note:3")).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo("PENDING");
            assertThat(d.attempts()).isZero();
        });
        assertThat(runner.tick()).isEqualTo(1);
        assertThat(jobs.find("note:3")).hasValueSatisfying(d -> assertThat(d.status()).isEqualTo("DONE"));
        runner.stopHeartbeats();
    }

    private JobHandler<Note> sending(AtomicInteger sent, Runnable afterSending) {
        return new JobHandler<>() {
            @Override
            public JobKind<Note> kind() {
                return kind;
            }

            @Override
            public Outcome run(Job<Note> job) {
                sent.incrementAndGet();
                if (afterSending != null) {
                    afterSending.run();
                }
                return Outcome.done();
            }
        };
    }

    private MongoServer start() {
        MongoServer s = new MongoServer(backend);
        s.bind("127.0.0.1", port);
        return s;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
