package org.alliance.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.FakeSlack;
import org.alliance.support.SlackLimits;
import org.alliance.support.SlackRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #12's fan-out goal, measured: one check-in started for a user group of 100 and of 1,000
 * people, with the fake Slack enforcing Slack's limits ({@link SlackLimits#slack}: one message a
 * second per conversation, the workspace's message budget, users.info 100 and users.list 20 a
 * minute). The whole application runs as in the whole-app tests, its budget
 * ({@code alliance.slack.rate.messages-per-minute}) set to the fake's. Reports how long from the
 * command to the last invitation, the message rate achieved as a share of the budget, 429s,
 * duplicate and missing invitations, and Web API calls per person. Runs only with
 * {@code bench/run}; the table goes to {@code target/bench/fan-out.txt}.
 * {@code -Dalliance.bench.fan-out.sizes=100} runs only the smaller fan-out.
 * <p>
 * It sets the application up as {@link AllianceIntegrationTest} does but on its own: that class's
 * test pace (6,000 messages a minute) would win over a subclass's, as Spring registers a
 * superclass's dynamic properties last.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FanOutBench {

    static final int BUDGET_PER_MINUTE = 600;
    static final long GAP_NANOS = TimeUnit.MINUTES.toNanos(1) / BUDGET_PER_MINUTE;
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String LEADER = "U0FLEAD";
    static final String CHANNEL = "C0FANOUT";
    static final int PEOPLE = 1000;
    static final int WARM_UP = 10;
    static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Asia/Tokyo", "Europe/Berlin",
            "America/Los_Angeles", "Australia/Sydney");
    private static final Pattern STARTED = Pattern.compile("Check-in `([A-Z0-9]{6})` started");

    static final FakeSlack slack = FakeSlack.start();

    @LocalServerPort
    int port;

    SlackRequests requests;

    @DynamicPropertySource
    static void slacksRealPace(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("alliance-bench-data");
        registry.add("alliance.slack.api-url", slack::apiUrl);
        registry.add("alliance.slack.bot-token", () -> AllianceIntegrationTest.BOT_TOKEN);
        registry.add("alliance.slack.signing-secret", () -> AllianceIntegrationTest.SIGNING_SECRET);
        registry.add("alliance.slack.app-token", () -> "");
        registry.add("alliance.mongodb.uri", () -> "");
        registry.add("alliance.embedded-mongo.port", () -> 0);
        registry.add("alliance.embedded-mongo.data-dir", dataDir::toString);
        registry.add("alliance.slack.rate.messages-per-minute", () -> String.valueOf(BUDGET_PER_MINUTE));
        registry.add("alliance.slack.rate.per-conversation", () -> "PT1S");
        registry.add("alliance.slack.rate.max-rate-limit-wait", () -> "PT5M");
        registry.add("alliance.checkins.max-participants", () -> String.valueOf(PEOPLE));
    }

    @Autowired
    MongoDatabase db;

    private record Arrival(String method, String channel, long nanos) {
    }

    private record Result(int people, long toFirstMs, long toLastInviteMs, int messages, double shareOfSending,
                          double shareFromCommand, Map<String, Long> limited, int duplicates, int missing,
                          long storedInvited, Map<String, Long> calls) {
    }

    @Test
    void oneCheckInReachesEveryoneOnceAtSlacksPace() throws IOException {
        List<Integer> sizes = java.util.Arrays.stream(System.getProperty("alliance.bench.fan-out.sizes", "100,1000")
                .split(",")).map(String::trim).map(Integer::parseInt).toList();
        fanOut(WARM_UP, "W"); // the JIT, the pools and the database warmed up; not reported
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            results.add(fanOut(size, "P"));
        }
        String report = report(results);
        System.out.println(report);
        Path out = Path.of("target", "bench", "fan-out.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);

        assertThat(results).allSatisfy(r -> {
            assertThat(r.duplicates()).as("duplicate invitations to %d", r.people()).isZero();
            assertThat(r.missing()).as("missing invitations to %d", r.people()).isZero();
            assertThat(r.storedInvited()).as("invitations stored for %d", r.people()).isEqualTo(r.people());
        });
    }

    private Result fanOut(int size, String prefix) {
        slack.reset();
        requests = new SlackRequests("http://127.0.0.1:" + port + "/slack/events",
                AllianceIntegrationTest.SIGNING_SECRET, Clock.systemUTC()).responseUrl(slack.responseUrl());
        slack.addUser(LEADER, "Fan Leader", "Europe/London");
        List<String> people = IntStream.rangeClosed(1, size)
                .mapToObj(i -> String.format("U0F%s%04d", prefix + size, i)).toList();
        for (int i = 0; i < people.size(); i++) {
            slack.addUser(people.get(i), "Person " + (i + 1), ZONES.get(i % ZONES.size()));
        }
        String group = "S0FAN" + prefix + size;
        slack.addUserGroup(group, people.toArray(String[]::new));
        ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
        for (String method : SlackLimits.MESSAGE_METHODS) {
            slack.answer(method, p -> {
                arrivals.add(new Arrival(method, p.get("channel"), System.nanoTime()));
                return null; // the fake's usual answer
            });
        }
        slack.enforceLimits(SlackLimits.slack(BUDGET_PER_MINUTE));
        Set<String> everyone = new HashSet<>(people);

        long start = System.nanoTime();
        HttpResponse<String> ack = requests.slashCommand(TEAM, LEADER, CHANNEL,
                "start trust <!subteam^" + group + "|@fan> due:3d");
        assertThat(ack.statusCode()).isEqualTo(200);
        Duration patience = Duration.ofNanos(GAP_NANOS * size * 3).plusSeconds(120);
        await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> arrivals.stream()
                .filter(a -> a.method().equals("chat.postMessage") && everyone.contains(a.channel()))
                .map(Arrival::channel).distinct().count() == size);
        String reply = await().atMost(Duration.ofSeconds(60)).until(() -> slack.calls("respond").stream()
                .map(c -> c.param("text")).filter(t -> t != null && STARTED.matcher(t).find()).findFirst()
                .orElse(null), t -> t != null);
        sleep(Duration.ofSeconds(3)); // a late duplicate would show up by now
        Matcher m = STARTED.matcher(reply);
        assertThat(m.find()).isTrue();
        String checkInId = m.group(1);

        List<Arrival> sent = List.copyOf(arrivals);
        long lastInvite = sent.stream().filter(a -> a.method().equals("chat.postMessage") && everyone.contains(a.channel()))
                .mapToLong(Arrival::nanos).max().orElseThrow();
        long first = sent.stream().mapToLong(Arrival::nanos).min().orElseThrow();
        int messages = (int) sent.stream().filter(a -> a.nanos() <= lastInvite).count();
        double ideal = (double) (messages - 1) * GAP_NANOS;
        Map<String, Long> invites = slack.calls("chat.postMessage").stream().map(FakeSlack.Call::params)
                .map(p -> p.get("channel")).filter(everyone::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        int duplicates = invites.values().stream().mapToInt(n -> (int) (n - 1)).sum();
        int missing = (int) people.stream().filter(u -> !invites.containsKey(u)).count();
        long stored = db.getCollection("responses").countDocuments(Filters.and(Filters.eq("response.checkInId", checkInId),
                Filters.ne("response.dmTs", null)));
        Map<String, Long> calls = slack.calls().stream().filter(c -> c.status() == 200 && !c.method().equals("respond"))
                .collect(Collectors.groupingBy(FakeSlack.Call::method, TreeMap::new, Collectors.counting()));
        explain(size, start, sent);
        return new Result(size, TimeUnit.NANOSECONDS.toMillis(first - start),
                TimeUnit.NANOSECONDS.toMillis(lastInvite - start), messages, ideal / (lastInvite - first),
                ideal / (lastInvite - start), slack.rateLimitedCounts(), duplicates, missing, stored, calls);
    }

    /** Where the time went, for the log: gaps between messages beyond the budget's, and each 429 in context. */
    private static void explain(int size, long start, List<Arrival> sent) {
        List<Arrival> ordered = sent.stream().sorted(java.util.Comparator.comparingLong(Arrival::nanos)).toList();
        long lost = 0;
        StringBuilder s = new StringBuilder("Fan-out to " + size + ": gaps over 1.5x the budget's (ms after the command: gap)\n");
        for (int i = 1; i < ordered.size(); i++) {
            long gap = ordered.get(i).nanos() - ordered.get(i - 1).nanos();
            if (gap > GAP_NANOS * 3 / 2) {
                lost += gap - GAP_NANOS;
                s.append(String.format(Locale.ROOT, "  %6d: %5d ms before %s %s%n",
                        TimeUnit.NANOSECONDS.toMillis(ordered.get(i).nanos() - start), TimeUnit.NANOSECONDS.toMillis(gap),
                        ordered.get(i).method(), ordered.get(i).channel()));
            }
        }
        slack.calls().stream().limit(8).forEach(c -> s.append(String.format(Locale.ROOT, "  call at %6d ms: %s %s %d%n",
                TimeUnit.NANOSECONDS.toMillis(c.atNanos() - start), c.method(), c.param("channel"), c.status())));
        s.append("  time lost in those gaps: ").append(TimeUnit.NANOSECONDS.toMillis(lost)).append(" ms\n");
        slack.calls().stream().filter(c -> c.status() == 429).forEach(c -> s.append(String.format(Locale.ROOT,
                "  429 at %6d ms: %s %s%n", TimeUnit.NANOSECONDS.toMillis(c.atNanos() - start), c.method(),
                c.param("channel"))));
        System.out.println(s);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String report(List<Result> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Alliance fan-out benchmark (issue #12): one check-in to a user group; "
                        + "fake Slack enforcing Slack's limits; workspace budget %d messages/min (one per %d ms), "
                        + "1 message/s per conversation, users.info 100/min, users.list 20/min; %s%n",
                BUDGET_PER_MINUTE, TimeUnit.NANOSECONDS.toMillis(GAP_NANOS), System.getProperty("java.version")));
        s.append("Share of the ceiling = (messages - 1) x budget gap / time taken; messages = every message counted "
                + "against the budget (parent, leader's thread, invitations) up to the last invitation.\n\n");
        s.append(String.format(Locale.ROOT, "%-58s", "People"));
        results.forEach(r -> s.append(String.format(Locale.ROOT, "%12d", r.people())));
        s.append('\n');
        row(s, "Command to first message (ms)", results, r -> String.valueOf(r.toFirstMs()));
        row(s, "Command to last invitation (ms)", results, r -> String.valueOf(r.toLastInviteMs()));
        row(s, "Messages sent up to the last invitation", results, r -> String.valueOf(r.messages()));
        row(s, "Share of the ceiling, first message to last (%)", results,
                r -> String.format(Locale.ROOT, "%.1f", 100 * r.shareOfSending()));
        row(s, "Share of the ceiling, from the command (%)", results,
                r -> String.format(Locale.ROOT, "%.1f", 100 * r.shareFromCommand()));
        row(s, "429s (all methods)", results, r -> String.valueOf(r.limited().values().stream()
                .mapToLong(Long::longValue).sum()));
        Set<String> limitedMethods = new java.util.TreeSet<>();
        results.forEach(r -> limitedMethods.addAll(r.limited().keySet()));
        limitedMethods.forEach(method -> row(s, "  429s " + method, results,
                r -> String.valueOf(r.limited().getOrDefault(method, 0L))));
        row(s, "Duplicate invitations", results, r -> String.valueOf(r.duplicates()));
        row(s, "Missing invitations", results, r -> String.valueOf(r.missing()));
        row(s, "Web API calls per person (all methods)", results, r -> String.format(Locale.ROOT, "%.3f",
                r.calls().values().stream().mapToLong(Long::longValue).sum() / (double) r.people()));
        Set<String> methods = new java.util.TreeSet<>();
        results.forEach(r -> methods.addAll(r.calls().keySet()));
        methods.forEach(method -> row(s, "  " + method, results, r -> String.format(Locale.ROOT, "%.3f",
                r.calls().getOrDefault(method, 0L) / (double) r.people())));
        return s.toString();
    }

    private static void row(StringBuilder s, String label, List<Result> results, Function<Result, String> value) {
        s.append(String.format(Locale.ROOT, "%-58s", label));
        results.forEach(r -> s.append(String.format(Locale.ROOT, "%12s", value.apply(r))));
        s.append('\n');
    }
}
