package org.alliance.schedule;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12's scheduler goal, measured: with 100,000 future jobs pending in the embedded database
 * (mongo-java-server on its H2 file, as the bot runs without MONGODB_URI), one poll's time, the
 * lateness of reminders coming due meanwhile, and the process's CPU while idle. Runs only with
 * {@code bench/run} (Maven profile {@code bench}); the table is also written to
 * {@code target/bench/scheduler-scale.txt}.
 */
class SchedulerScaleBench {

    static final int PENDING = 100_000;
    static final int POLLS = 200;
    static final int REMINDERS = 200;
    static final Duration SPREAD = Duration.ofSeconds(90);
    static final Duration IDLE = Duration.ofSeconds(60);
    static final Duration EMPTY_IDLE = Duration.ofSeconds(30);
    /** The defaults: alliance.scheduler.poll-interval and resync-every. */
    static final ScheduleSettings SETTINGS = new ScheduleSettings(null, null, null, null);

    record Remind(String n) {
    }

    private final JobKind<Remind> kind = new JobKind<>("bench.remind", Remind.class);
    private final List<Long> lateness = new CopyOnWriteArrayList<>();
    private final StringBuilder table = new StringBuilder();

    @Test
    void aPollStaysCheapWith100000FutureJobsPending(@TempDir Path dir) throws Exception {
        MongoServer server = new MongoServer(new H2Backend(dir.resolve("alliance.mv.db").toString()));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase db = client.getDatabase("alliance");
            JobRepository jobs = new JobRepository(db);
            ScheduleRunner runner = new ScheduleRunner(jobs, List.of(handler()), SETTINGS, Clock.systemUTC());
            Schedule schedule = new Schedule(jobs, Clock.systemUTC());
            table.append(String.format(Locale.ROOT, "Alliance scheduler-scale benchmark (issue #12): embedded "
                    + "database (mongo-java-server + H2 file), poll-interval %s, resync-every %s, %s%n%n",
                    SETTINGS.pollInterval(), SETTINGS.resyncEvery(), Runtime.version()));

            ScheduledExecutorService poller = poller(runner);
            row("Idle CPU, empty database (% of a core)", idleCpu(EMPTY_IDLE));
            poller.shutdownNow();
            poller.awaitTermination(1, TimeUnit.MINUTES);

            long seeding = System.nanoTime();
            seed(db);
            table.append(String.format(Locale.ROOT, "%-60s %9.1f s%n", "Seeding " + PENDING + " future jobs",
                    (System.nanoTime() - seeding) / 1e9));
            row("Old claim query, full scan (ms, 10 runs: median, max)", oldClaim(db, 10));
            row("Rebuild of the whole order, all pending (ms, 5 runs: median, max)", times(5, jobs::rebuildOrder));
            assertThat(jobs.known()).isEqualTo(PENDING);
            runner.resyncSoon();
            row("First poll: rebuild + sweep (ms)", times(1, runner::tick));
            // What a poll keeps: only the next two resync intervals; every seeded job is an hour or more ahead.
            assertThat(jobs.known()).as("jobs held in memory after a poll").isZero();
            row("One poll, nothing due (ms, " + POLLS + " polls: p50, p99, max)", times(POLLS, runner::tick));

            poller = poller(runner);
            Random random = new Random(12);
            Instant start = Instant.now();
            for (int i = 0; i < REMINDERS; i++) {
                Instant due = start.plusMillis(5_000 + random.nextInt((int) SPREAD.toMillis()));
                schedule.add(new Job<>("bench.remind:" + i, "T1", kind, due, new Remind(String.valueOf(i))));
            }
            long deadline = System.nanoTime() + SPREAD.plusMinutes(2).toNanos();
            while (lateness.size() < REMINDERS && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(lateness).as("every reminder fired").hasSize(REMINDERS);
            row("Lateness of " + REMINDERS + " reminders due over " + SPREAD.toSeconds() + " s (ms: p50, p99, max)",
                    percentiles(new ArrayList<>(lateness)));
            row("Idle CPU, " + PENDING + " pending, " + IDLE.toSeconds() + " s (% of a core)", idleCpu(IDLE));
            poller.shutdownNow();
            runner.stopHeartbeats();
        } finally {
            server.shutdownNow();
        }
        String report = table.toString();
        System.out.println(report);
        Path out = Path.of("target", "bench", "scheduler-scale.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }

    private JobHandler<Remind> handler() {
        return new JobHandler<>() {
            @Override
            public JobKind<Remind> kind() {
                return kind;
            }

            @Override
            public Outcome run(Job<Remind> job) {
                lateness.add(Duration.between(job.dueAt(), Instant.now()).toMillis());
                return Outcome.done();
            }
        };
    }

    /** As Quartz fires the tick: at a fixed rate, never two at once. */
    private static ScheduledExecutorService poller(ScheduleRunner runner) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        long every = SETTINGS.pollInterval().toMillis();
        poller.scheduleAtFixedRate(runner::tick, 0, every, TimeUnit.MILLISECONDS);
        return poller;
    }

    /** Weekly reminders of a few thousand people: due over the next 30 days, in the stored shape. */
    private static void seed(MongoDatabase db) {
        Random random = new Random(7);
        Instant now = Instant.now();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < PENDING; i++) {
            Instant due = now.plusSeconds(3_600 + random.nextInt(30 * 24 * 3_600));
            batch.add(new Document("_id", "checkin.remind:bench" + i + ":U0P" + (i % 5_000) + ":1")
                    .append("teamId", "T1").append("kind", "checkin.remind").append("dueAt", Date.from(due))
                    .append("data", new Document("checkInId", "bench" + i).append("userId", "U0P" + (i % 5_000))
                            .append("n", "1"))
                    .append("status", "PENDING").append("claimedBy", null).append("leaseUntil", null)
                    .append("attempts", 0).append("createdAt", Date.from(now)).append("finishedAt", null)
                    .append("note", null));
            if (batch.size() == 1_000) {
                db.getCollection("jobs").insertMany(batch);
                batch.clear();
            }
        }
    }

    /** What a poll cost before issue #12: the claim's query over status and dueAt, matching nothing due. */
    private static double[] oldClaim(MongoDatabase db, int runs) {
        return times(runs, () -> db.getCollection("jobs").findOneAndUpdate(Filters.or(
                        Filters.and(Filters.eq("status", "PENDING"), Filters.lte("dueAt", new Date())),
                        Filters.and(Filters.eq("status", "CLAIMED"), Filters.lte("leaseUntil", new Date()))),
                Updates.set("status", "CLAIMED")));
    }

    private static double[] times(int runs, Runnable work) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            micros.add((System.nanoTime() - start) / 1_000);
        }
        double[] ms = percentiles(micros);
        for (int i = 0; i < ms.length; i++) {
            ms[i] /= 1_000;
        }
        return ms;
    }

    /** p50, p99 and max. */
    private static double[] percentiles(List<Long> values) {
        Collections.sort(values);
        return new double[] {values.get((values.size() - 1) / 2),
                values.get((int) Math.ceil(values.size() * 0.99) - 1), values.get(values.size() - 1)};
    }

    private static double[] idleCpu(Duration over) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        Thread.sleep(over.toMillis());
        return new double[] {100.0 * (os.getProcessCpuTime() - cpu) / (System.nanoTime() - wall)};
    }

    private void row(String what, double[] figures) {
        table.append(String.format(Locale.ROOT, "%-60s", what));
        for (double figure : figures) {
            table.append(String.format(Locale.ROOT, " %9.1f", figure));
        }
        table.append(System.lineSeparator());
    }
}
