package org.alliance.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.alliance.support.ChildProcesses;
import org.alliance.support.FakeSlack;
import org.alliance.support.SlackRequests;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12: the bot as a process next to a bare Bolt-for-Java app (bench/bare-bolt): start-up to
 * health, idle RSS and ack latency, each started as a child {@code java -jar} with the same heap limit
 * against an in-process FakeSlack; runs alternate between the apps so the machine's load hits both
 * alike. See bench/README.md, "Process: start-up, memory and acks".
 */
class ProcessBench {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path OUT = ROOT.resolve("target/bench");
    private static final String SECRET = "bench-signing-secret";
    private static final String HEAP = System.getProperty("bench.heap", "-Xmx256m");
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int ACK_RUNS = Integer.getInteger("bench.ackRuns", 4);
    private static final int ACK_SECONDS = Integer.getInteger("bench.ackSeconds", 20);
    private static final int RATE = 50;
    /** -Dbench.dump=FILE: each measured request's due time and latency, see {@link #dump}. */
    private static final String DUMP = System.getProperty("bench.dump");
    private static final int WARM_SECONDS = Integer.getInteger("bench.warmSeconds", 10);
    private static final int START_WARM_SECONDS = Integer.getInteger("bench.startWarmSeconds", WARM_SECONDS);
    private static final int SETTLE_SECONDS = Integer.getInteger("bench.settleSeconds", 15);
    private static final int PENDING = Integer.getInteger("bench.pending", 100_000);
    /** -Dbench.only=acks runs just the ack part (no start-up, memory, CDS or pending-jobs runs). */
    private static final boolean ACKS_ONLY = "acks".equals(System.getProperty("bench.only"));
    /** -Dbench.only=pending runs just the 100,000-pending-jobs part. */
    private static final boolean PENDING_ONLY = "pending".equals(System.getProperty("bench.only"));
    /** Extra JVM options for every child, space-separated; {child} becomes e.g. ours-4 (JFR or GC log file names). */
    private static final List<String> CHILD_ARGS = Stream.of(System.getProperty("bench.childArgs", "").split(" "))
            .filter(a -> !a.isBlank()).toList();
    private static final String PEOPLE = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> String.format("<@U0P%02d|p%02d>", i, i)).collect(Collectors.joining(" "));

    private static final AtomicInteger LOGS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    enum Variant {
        BARE("bare app, java -jar"), OURS("Alliance, java -jar"), OURS_TUNED("Alliance, recommended flags");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    record Started(Process process, int port, double seconds) {
    }

    private final Map<String, List<Double>> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private Path bareJar;
    private Path oursJar;
    private Path tunedJar;
    private Path archive;

    @Test
    void processes() throws Exception {
        Files.createDirectories(OUT.resolve("process"));
        double[] load = loadAverage();
        try (FakeSlack slack = FakeSlack.start()) {
            IntStream.rangeClosed(1, 20).forEach(i -> slack.addUser(String.format("U0P%02d", i), "P" + i, "UTC"));
            prepareJars(slack);
            if (!ACKS_ONLY && !PENDING_ONLY) {
                startAndMemory(slack);
            }
            if (!PENDING_ONLY) {
                acks(slack);
            }
            if (PENDING > 0 && !ACKS_ONLY) {
                try {
                    pending(slack);
                } catch (IllegalStateException e) {
                    // A failed start is a result too: say so in the table instead of losing the rest.
                    notes.add(String.format("with %,d jobs pending: %s", PENDING, e.getMessage()));
                }
            }
        }
        double[] loadAfter = loadAverage();
        notes.add(String.format(Locale.ROOT, "load average before %.2f, after %.2f (1 min); %d vCPUs",
                load[0], loadAfter[0], Runtime.getRuntime().availableProcessors()));
        String table = table();
        Files.writeString(OUT.resolve("process.txt"), table);
        System.out.println(table);
        assertThat(figures).isNotEmpty();
    }

    // ---- jars ---------------------------------------------------------------------------------

    private void prepareJars(FakeSlack slack) throws Exception {
        oursJar = ROOT.resolve("target/alliance.jar");
        if (!Files.exists(oursJar) || newerSources(ROOT.resolve("src/main"), oursJar)) {
            run(ROOT, "./mvnw", "-o", "-q", "package", "-DskipTests");
        }
        bareJar = ROOT.resolve("bench/bare-bolt/target/bare-bolt.jar");
        if (!Files.exists(bareJar) || newerSources(ROOT.resolve("bench/bare-bolt/src"), bareJar)) {
            run(ROOT, "./mvnw", "-o", "-q", "-f", "bench/bare-bolt/pom.xml", "package", "-DskipTests");
        }
        if (ACKS_ONLY || PENDING_ONLY) {
            return;
        }
        // What README and the Dockerfile recommend: the jar extracted, and a CDS archive from a training run.
        Path tuned = OUT.resolve("process/tuned");
        deleteTree(tuned);
        run(ROOT, ChildProcesses.java(), "-Djarmode=tools", "-jar", oursJar.toString(), "extract", "--destination", tuned.toString());
        tunedJar = tuned.resolve("alliance.jar");
        archive = tuned.resolve("alliance.jsa");
        Path data = Files.createTempDirectory("alliance-train");
        ProcessBuilder training = new ProcessBuilder(ChildProcesses.java(), "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh", "-jar", tunedJar.toString());
        ChildProcesses.botEnvironment(training, slack, SECRET, ChildProcesses.freePort(), data);
        training.redirectErrorStream(true).redirectOutput(OUT.resolve("process/training.log").toFile());
        long t = System.nanoTime();
        int exit = training.start().waitFor();
        notes.add(String.format(Locale.ROOT, "CDS training run: %.1f s, exit %d, archive %d MiB", (System.nanoTime() - t) / 1e9,
                exit, Files.exists(archive) ? Files.size(archive) >> 20 : -1));
        deleteTree(data);
    }

    private static boolean newerSources(Path dir, Path jar) throws IOException {
        long built = Files.getLastModifiedTime(jar).toMillis();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> f.toFile().lastModified() > built);
        }
    }

    // ---- phases -------------------------------------------------------------------------------

    private void startAndMemory(FakeSlack slack) throws Exception {
        List<Variant> order = new ArrayList<>(List.of(Variant.values()));
        for (int run = 0; run < RUNS; run++) {
            for (Variant v : order) {
                Path data = Files.createTempDirectory("alliance-bench");
                Started s = start(v, slack, data);
                record("Start-up to health, s: " + v.label, s.seconds());
                Thread.sleep(SETTLE_SECONDS * 1000L);
                record("Idle RSS, MiB: " + v.label, rssMiB(s.process()));
                ChildProcesses.stop(s.process());
                deleteTree(data);
                slack.reset();
                IntStream.rangeClosed(1, 20).forEach(i -> slack.addUser(String.format("U0P%02d", i), "P" + i, "UTC"));
            }
            Collections.rotate(order, 1);
        }
    }

    private void acks(FakeSlack slack) throws Exception {
        for (int run = 0; run < ACK_RUNS; run++) {
            for (Variant v : run % 2 == 0 ? List.of(Variant.OURS, Variant.BARE) : List.of(Variant.BARE, Variant.OURS)) {
                Path data = Files.createTempDirectory("alliance-bench");
                Started s = start(v, slack, data);
                SlackRequests requests = new SlackRequests("http://127.0.0.1:" + s.port() + "/slack/events", SECRET,
                        Clock.systemUTC()).responseUrl(slack.responseUrl());
                // Each command is warmed up just before it is measured: a start leaves its DMs to send for
                // minutes after, which the help figures would otherwise carry.
                load(requests, "help", WARM_SECONDS, null);
                double cpu = cpuMs(s.process());
                Map<String, Double> threads = threadCpuMs(s.process());
                load(requests, "help", ACK_SECONDS, "Ack /alliance help, ms: " + v.label);
                double cpuHelp = cpuMs(s.process());
                if (Boolean.getBoolean("bench.threads")) {
                    notes.add("CPU ms by thread during the help load, " + v.label + ": " + delta(threads, threadCpuMs(s.process())));
                }
                record("CPU per /alliance help (all threads), ms: " + v.label, (cpuHelp - cpu) / (ACK_SECONDS * RATE));
                load(requests, "start development " + PEOPLE + " <#C0TEAM|team>", START_WARM_SECONDS, null);
                double cpuBeforeStart = cpuMs(s.process());
                Map<String, Double> threadsBeforeStart = threadCpuMs(s.process());
                load(requests, "start development " + PEOPLE + " <#C0TEAM|team>", ACK_SECONDS,
                        "Ack /alliance start (20 people), ms: " + v.label);
                if (Boolean.getBoolean("bench.threads")) {
                    notes.add("CPU ms by thread during the start load, " + v.label + ": "
                            + delta(threadsBeforeStart, threadCpuMs(s.process())));
                }
                record("CPU per /alliance start (all threads), ms: " + v.label,
                        (cpuMs(s.process()) - cpuBeforeStart) / (ACK_SECONDS * RATE));
                record("Peak RSS after both loads (VmHWM), MiB: " + v.label, rssMiB(s.process(), "VmHWM:"));
                if (CHILD_ARGS.isEmpty()) {
                    s.process().destroyForcibly().waitFor();
                } else {
                    ChildProcesses.stop(s.process()); // lets a flight recording or GC log be written out
                }
                deleteTree(data);
                slack.reset();
                IntStream.rangeClosed(1, 20).forEach(i -> slack.addUser(String.format("U0P%02d", i), "P" + i, "UTC"));
            }
        }
    }

    /** Open loop at RATE requests a second: latency counts from when each request was due, not when sent. */
    private void load(SlackRequests requests, String text, int seconds, String name) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(64);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        long begin = System.nanoTime();
        long period = 1_000_000_000L / RATE;
        for (int i = 0; i < seconds * RATE; i++) {
            long due = begin + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String leader = "U0L" + (i % 50);
            senders.execute(() -> {
                try {
                    HttpResponse<String> r = requests.slashCommand(FakeSlack.TEAM_ID, leader, "C0TEAM", text);
                    double ms = (System.nanoTime() - due) / 1e6;
                    latencies.add(ms);
                    if (DUMP != null) {
                        // When it was due, on the wall clock, so a GC or JIT log of the child can be set beside it.
                        samples.add((System.currentTimeMillis() - Math.round(ms)) + "\t" + ms);
                    }
                    if (r.statusCode() != 200) {
                        failed.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        if (name != null) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            record(name.replace(", ms:", " p50, ms:"), percentile(sorted, 50));
            record(name.replace(", ms:", " p99, ms:"), percentile(sorted, 99));
            dump(name, samples);
            if (failed.get() > 0) {
                notes.add(name + ": " + failed.get() + " requests not answered 200");
            }
        }
    }

    /**
     * -Dbench.dump=FILE appends each measured request as a line: the load's name, when it was due
     * (epoch ms) and its latency (ms). Written after the window, so the load itself never waits on it.
     */
    private static void dump(String name, List<String> samples) throws IOException {
        if (DUMP == null) {
            return;
        }
        String lines = samples.stream().map(sample -> name + "\t" + sample + "\n").collect(Collectors.joining());
        Files.writeString(Path.of(DUMP), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Item 1: the bot's start-up and idle RSS with PENDING future jobs in the embedded database, against empty. */
    private void pending(FakeSlack slack) throws Exception {
        Path full = Files.createTempDirectory("alliance-pending");
        long t = System.nanoTime();
        seed(full);
        notes.add(String.format(Locale.ROOT, "seeding %,d pending jobs: %.1f s", PENDING, (System.nanoTime() - t) / 1e9));
        for (int run = 0; run < Integer.getInteger("bench.pendingRuns", 2); run++) {
            for (boolean withJobs : run % 2 == 0 ? List.of(false, true) : List.of(true, false)) {
                Path data = withJobs ? full : Files.createTempDirectory("alliance-bench");
                String label = withJobs ? String.format("Alliance, %,d jobs pending", PENDING) : "Alliance, empty database";
                Started s = start(Variant.OURS, slack, data);
                record("Start-up to health, s: " + label, s.seconds());
                Thread.sleep(SETTLE_SECONDS * 1000L);
                record("Idle RSS, MiB: " + label, rssMiB(s.process()));
                if (Boolean.getBoolean("bench.memoryDetail")) {
                    memoryDetail(s.process(), (withJobs ? "pending-" : "empty-") + run);
                }
                ChildProcesses.stop(s.process());
                if (!withJobs) {
                    deleteTree(data);
                }
            }
        }
        deleteTree(full);
    }

    private static void seed(Path dir) {
        MongoServer server = new MongoServer(new H2Backend(dir.resolve("alliance.mv.db").toString()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoDatabase db = client.getDatabase("alliance");
            Random random = new Random(7);
            Instant now = Instant.now();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < PENDING; i++) {
                Instant due = now.plusSeconds(3_600 + random.nextInt(30 * 24 * 3_600));
                batch.add(new Document("_id", "checkin.remind:bench" + i + ":U0P" + (i % 5_000) + ":1")
                        .append("teamId", FakeSlack.TEAM_ID).append("kind", "checkin.remind").append("dueAt", Date.from(due))
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
        } finally {
            server.shutdown();
        }
    }

    // ---- processes ----------------------------------------------------------------------------

    private Started start(Variant v, FakeSlack slack, Path data) throws Exception {
        int port = ChildProcesses.freePort();
        List<String> command = new ArrayList<>(List.of(ChildProcesses.java(), HEAP));
        String child = v.name().toLowerCase(Locale.ROOT) + "-" + (LOGS.get() + 1);
        CHILD_ARGS.forEach(a -> command.add(a.replace("{child}", child)));
        switch (v) {
            case BARE -> command.addAll(List.of("-jar", bareJar.toString()));
            case OURS -> command.addAll(List.of("-jar", oursJar.toString()));
            case OURS_TUNED -> command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-jar", tunedJar.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        ChildProcesses.botEnvironment(builder, slack, SECRET, port, data);
        builder.redirectErrorStream(true)
                .redirectOutput(OUT.resolve("process/" + v.name().toLowerCase(Locale.ROOT) + "-" + LOGS.incrementAndGet()
                        + ".log").toFile());
        long begin = System.nanoTime();
        Process process = builder.start();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(v + " exited with " + process.exitValue() + " before health (log: target/bench/process/"
                        + v.name().toLowerCase(Locale.ROOT) + "-" + LOGS.get() + ".log)");
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return new Started(process, port, (System.nanoTime() - begin) / 1e9);
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() - begin > TimeUnit.SECONDS.toNanos(120)) {
                process.destroyForcibly();
                throw new IllegalStateException(v + " not healthy after 120 s (see target/bench/process)");
            }
            Thread.sleep(20);
        }
    }

    /**
     * -Dbench.memoryDetail=true (children started with -XX:NativeMemoryTracking=summary): where an idle
     * child's memory is, into target/bench/process/memory-NAME.txt.
     */
    private static void memoryDetail(Process process, String name) throws IOException, InterruptedException {
        Path file = OUT.resolve("process/memory-" + name + ".txt");
        for (String command : List.of("VM.native_memory summary", "GC.heap_info")) {
            List<String> args = new ArrayList<>(List.of(Path.of(ChildProcesses.java()).resolveSibling("jcmd").toString(),
                    String.valueOf(process.pid())));
            args.addAll(List.of(command.split(" ")));
            Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor();
            Files.writeString(file, out + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private static double rssMiB(Process process) throws IOException {
        return rssMiB(process, "VmRSS:");
    }

    private static double rssMiB(Process process, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    /** User plus system CPU time the process has used so far (clock ticks of 10 ms). */
    private static double cpuMs(Process process) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
    }

    /** CPU time so far by thread name, digits dropped (http-nio-8080-exec-12 counts as http-nio-N-exec-N). */
    private static Map<String, Double> threadCpuMs(Process process) throws IOException {
        Map<String, Double> byName = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0, Double::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return byName;
    }

    private static String delta(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(12)
                .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double[] loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

    // ---- figures ------------------------------------------------------------------------------

    private void record(String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Alliance process benchmark (issue #12): %s, heap %s, %s%n%n", System.getProperty("java.version"), HEAP,
                "median of the runs, each run's value in brackets; runs alternate between the apps"));
        figures.forEach((name, values) -> out.append(String.format(Locale.ROOT, "%-72s %8.1f   %s%n", name, median(values),
                values.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).collect(Collectors.joining(" ", "[", "]")))));
        out.append(System.lineSeparator()).append("Ratios (medians)").append(System.lineSeparator());
        ratio(out, "Start-up, Alliance plain / bare plain", "Start-up to health, s: ", Variant.OURS.label, Variant.BARE.label, 1.25);
        ratio(out, "Start-up, Alliance recommended flags / bare plain", "Start-up to health, s: ", Variant.OURS_TUNED.label,
                Variant.BARE.label, 1.0);
        ratio(out, "Idle RSS, Alliance plain / bare plain", "Idle RSS, MiB: ", Variant.OURS.label, Variant.BARE.label, 1.15);
        ratio(out, "Idle RSS, Alliance recommended flags / bare plain", "Idle RSS, MiB: ", Variant.OURS_TUNED.label,
                Variant.BARE.label, 1.15);
        for (String command : List.of("help", "start (20 people)")) {
            for (String p : List.of("p50", "p99")) {
                ratio(out, "Ack /alliance " + command + " " + p + ", Alliance / bare",
                        "Ack /alliance " + command + " " + p + ", ms: ", Variant.OURS.label, Variant.BARE.label,
                        p.equals("p99") ? 1.2 : Double.NaN);
            }
        }
        String jobs = String.format("Alliance, %,d jobs pending", PENDING);
        ratio(out, "Start-up, " + PENDING + " pending / empty", "Start-up to health, s: ", jobs, "Alliance, empty database", 1.5);
        ratio(out, "Idle RSS, " + PENDING + " pending / empty", "Idle RSS, MiB: ", jobs, "Alliance, empty database", 1.5);
        out.append(System.lineSeparator());
        notes.forEach(n -> out.append(n).append(System.lineSeparator()));
        return out.toString();
    }

    private void ratio(StringBuilder out, String name, String prefix, String a, String b, double goal) {
        List<Double> x = figures.get(prefix + a);
        List<Double> y = figures.get(prefix + b);
        if (x == null || y == null) {
            return;
        }
        double r = median(x) / median(y);
        String verdict = Double.isNaN(goal) ? "" : String.format(Locale.ROOT, "goal %s %.2f: %s", goal == 1.0 ? "<" : "<=",
                goal, (goal == 1.0 ? r < goal : r <= goal) ? "met" : "NOT met");
        out.append(String.format(Locale.ROOT, "%-72s %8.2f   %s%n", name, r, verdict));
    }
}
