package org.alliance.support;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An in-process fake of Slack's Web API for tests: point the Slack SDK at {@link #apiUrl()},
 * then inspect {@link #calls()} and steer answers with the failure-injection methods.
 * One instance is meant to be shared by a whole Spring context; call {@link #reset()} between tests.
 */
public final class FakeSlack implements AutoCloseable {

    public static final String TEAM_ID = "T0001";
    public static final String TEAM_NAME = "Test Team";
    public static final String TEAM_URL = "https://test-team.slack.com/";
    public static final String BOT_USER_ID = "UBOT";
    public static final String BOT_USER_NAME = "alliance";
    public static final String BOT_ID = "B0001";

    /** @param atNanos when the fake read the call ({@link System#nanoTime()}) */
    public record Call(String method, Map<String, String> params, String token, int status, long atNanos) {
        public Call(String method, Map<String, String> params, String token, int status) {
            this(method, params, token, status, System.nanoTime());
        }

        public String param(String name) {
            return params.get(name);
        }
    }

    private record User(String id, String name, String tz) {
    }

    /** A file shared by files.completeUploadExternal, with the bytes POSTed to its upload URL. */
    public record SharedFile(String fileId, String channelId, String title, String initialComment, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /**
     * Slack's completeUploadExternal takes conversation ids only (its pattern is ^[CGDZ][A-Z0-9]{8,}$);
     * a user id is refused. The length is not checked, as this fake's ids are short.
     */
    private static final java.util.regex.Pattern CONVERSATION_ID = java.util.regex.Pattern.compile("^[CGDZ][A-Z0-9]+$");

    private record Rule(Predicate<Map<String, String>> when, String error) {
    }

    private record LimitRule(Predicate<Map<String, String>> when, AtomicInteger remaining, int retryAfterSeconds) {
    }

    /** A storm: from the first call matching {@code startWhen}, every call of the method for {@code windowNanos}. */
    private record StormRule(Predicate<Map<String, String>> startWhen, long windowNanos, int retryAfterSeconds,
                             AtomicLong startedAtNanos) {
        boolean limits(Map<String, String> params) {
            long now = System.nanoTime();
            if (startedAtNanos.get() == Long.MIN_VALUE && startWhen.test(params)) {
                startedAtNanos.compareAndSet(Long.MIN_VALUE, now);
            }
            long started = startedAtNanos.get();
            return started != Long.MIN_VALUE && now - started < windowNanos;
        }
    }

    /** Calls of {@code method} (any method when null) made with {@code token} until {@code untilNanos}. */
    private record TokenRule(String method, String token, long untilNanos, int retryAfterSeconds, String error) {
        boolean matches(String calledMethod, String calledToken) {
            return (method == null || method.equals(calledMethod)) && token.equals(calledToken)
                    && System.nanoTime() < untilNanos;
        }
    }

    /** An answer prepared before the default handlers run; status 429 carries Retry-After. */
    private record Reply(int status, String body, Integer retryAfterSeconds) {
        static Reply ok(String body) {
            return new Reply(200, body, null);
        }
    }

    private static final Gson GSON = new Gson();
    private static final long TS_BASE_SECONDS = 1_700_000_000L;

    private final HttpServer server;
    private final ExecutorService executor;

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Reply>> oneShots = new ConcurrentHashMap<>();
    private final Map<String, List<Rule>> standingRules = new ConcurrentHashMap<>();
    private final Map<String, List<LimitRule>> limitRules = new ConcurrentHashMap<>();
    private final Map<String, List<StormRule>> stormRules = new ConcurrentHashMap<>();
    private final Map<String, Function<Map<String, String>, String>> overrides = new ConcurrentHashMap<>();
    private final List<TokenRule> tokenRules = new CopyOnWriteArrayList<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
    private final Map<String, List<String>> channelMembers = new ConcurrentHashMap<>();
    private final Map<String, Integer> uploadLengths = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final List<SharedFile> sharedFiles = new CopyOnWriteArrayList<>();
    /** Slack's rate limits, when a test asks for them; null (the default) limits nothing. */
    private volatile SlackLimits.Limiter limiter;

    // Never reset: ids stay unique across tests that share one fake and one database.
    private final AtomicLong tsCounter = new AtomicLong();
    private final AtomicInteger viewCounter = new AtomicInteger();
    private final AtomicInteger fileCounter = new AtomicInteger();

    private FakeSlack(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        restoreDirectory();
    }

    public static FakeSlack start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AtomicInteger threads = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "fake-slack-" + threads.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            FakeSlack fake = new FakeSlack(server, executor);
            server.createContext("/api/", fake::handle);
            server.createContext("/upload/", fake::handleUpload);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start FakeSlack", e);
        }
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- inspection -------------------------------------------------------------------------

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls of {@code method} that got an HTTP 200 answer (ok or not); rate-limited attempts are left out. */
    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method) && c.status() == 200).toList();
    }

    public List<Call> allAttempts(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Files shared with files.completeUploadExternal, in order. */
    public List<SharedFile> sharedFiles() {
        return List.copyOf(sharedFiles);
    }

    public Optional<Call> lastCall(String method) {
        List<Call> matching = calls(method);
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    // ---- directory --------------------------------------------------------------------------

    public FakeSlack addUser(String id, String name, String tz) {
        ZoneId.of(tz); // fail fast on a typo rather than inside the server thread
        users.put(id, new User(id, name, tz));
        return this;
    }

    public FakeSlack addUserGroup(String id, String... userIds) {
        userGroups.put(id, List.of(userIds));
        return this;
    }

    public FakeSlack addChannelMembers(String channel, String... userIds) {
        channelMembers.merge(channel, List.of(userIds), (old, added) -> {
            List<String> merged = new ArrayList<>(old);
            added.stream().filter(u -> !merged.contains(u)).forEach(merged::add);
            return List.copyOf(merged);
        });
        return this;
    }

    // ---- failure injection ------------------------------------------------------------------

    public FakeSlack failNext(String method, String error) {
        queue(method).add(Reply.ok(error(error)));
        return this;
    }

    public FakeSlack rateLimitNext(String method, int times, int retryAfterSeconds) {
        Queue<Reply> queue = queue(method);
        for (int i = 0; i < times; i++) {
            queue.add(new Reply(429, error("ratelimited"), retryAfterSeconds));
        }
        return this;
    }

    /** The next {@code times} calls of {@code method} that match {@code when} answer 429 with Retry-After. */
    public FakeSlack rateLimitWhen(String method, Predicate<Map<String, String>> when, int times, int retryAfterSeconds) {
        limitRules.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>())
                .add(new LimitRule(when, new AtomicInteger(times), retryAfterSeconds));
        return this;
    }

    /** Every call of {@code method} during the next {@code window}, from now, answers 429 with Retry-After. */
    public FakeSlack rateLimitFor(String method, Duration window, int retryAfterSeconds) {
        stormRules.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>())
                .add(new StormRule(p -> true, window.toNanos(), retryAfterSeconds, new AtomicLong(System.nanoTime())));
        return this;
    }

    /**
     * A storm that breaks out at the first call of {@code method} matching {@code startWhen} (that call
     * included): for {@code window} from then, every call of {@code method}, matching or not, answers 429.
     */
    public FakeSlack rateLimitFor(String method, Predicate<Map<String, String>> startWhen, Duration window,
                                  int retryAfterSeconds) {
        stormRules.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>())
                .add(new StormRule(startWhen, window.toNanos(), retryAfterSeconds, new AtomicLong(Long.MIN_VALUE)));
        return this;
    }

    /** For {@code window} from now, every call of {@code method} made with {@code token} answers 429 with Retry-After. */
    public FakeSlack rateLimitToken(String method, String token, Duration window, int retryAfterSeconds) {
        tokenRules.add(new TokenRule(method, token, System.nanoTime() + window.toNanos(), retryAfterSeconds, null));
        return this;
    }

    /** From now until {@link #reset()}, every call made with {@code token} (auth.test too) fails with {@code error}. */
    public FakeSlack rejectToken(String token, String error) {
        tokenRules.add(new TokenRule(null, token, Long.MAX_VALUE, 0, error));
        return this;
    }

    /**
     * From now until {@link #reset()}, answers calls beyond Slack's rate limits with HTTP 429 and
     * Retry-After, as Slack does (see {@link SlackLimits}); the budgets start full.
     */
    public FakeSlack enforceLimits(SlackLimits limits) {
        limiter = new SlackLimits.Limiter(limits);
        return this;
    }

    /** How many calls were answered 429, by method (injected 429s included). */
    public Map<String, Long> rateLimitedCounts() {
        return calls.stream().filter(c -> c.status() == 429)
                .collect(java.util.stream.Collectors.groupingBy(Call::method, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
    }

    /** The URL to give as a slash command's response_url; what is sent there is recorded as method {@code respond}. */
    public String responseUrl() {
        return apiUrl() + "respond";
    }

    public FakeSlack failWhen(String method, Predicate<Map<String, String>> when, String error) {
        standingRules.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).add(new Rule(when, error));
        return this;
    }

    /** Replaces the answer of {@code method}; the function may return null to fall back to the default answer. */
    public FakeSlack answer(String method, Function<Map<String, String>, String> jsonBody) {
        overrides.put(method, jsonBody);
        return this;
    }

    public void reset() {
        calls.clear();
        installCodes.clear();
        oneShots.clear();
        standingRules.clear();
        limitRules.clear();
        stormRules.clear();
        overrides.clear();
        tokenRules.clear();
        uploadLengths.clear();
        uploads.clear();
        sharedFiles.clear();
        limiter = null;
        restoreDirectory();
    }

    private Queue<Reply> queue(String method) {
        return oneShots.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>());
    }

    private void restoreDirectory() {
        users.clear();
        userGroups.clear();
        channelMembers.clear();
        addUser("U0LEADER", "Lee", "Europe/London");
        addUser("U0ALICE", "Alice", "Asia/Tokyo");
        addUser("U0BOB", "Bob", "America/Los_Angeles");
        addUser("U0CAROL", "Carol", "Europe/Berlin");
        addUser("U0DAN", "Dan", "Australia/Sydney");
    }

    // ---- installs (OAuth) -------------------------------------------------------------------

    /** What oauth.v2.access hands out for a code, and whom auth.test then says the token belongs to. */
    public record Install(String code, String teamId, String teamName, String enterpriseId, String enterpriseName,
                          String botToken, String botUserId) {
        boolean orgWide() {
            return teamId == null;
        }
    }

    private final Map<String, Install> installCodes = new ConcurrentHashMap<>();
    // Never reset: a token stays its workspace's, as Bolt caches auth.test answers across tests.
    private final Map<String, Install> tokenOwners = new ConcurrentHashMap<>();
    private final ThreadLocal<String> callerToken = new ThreadLocal<>();

    /** The next oauth.v2.access with {@code code} installs the bot in workspace {@code teamId} with {@code botToken}. */
    public FakeSlack installable(String code, String teamId, String teamName, String botToken) {
        return installable(new Install(code, teamId, teamName, null, null, botToken, "UBOT" + teamId));
    }

    /** Like {@link #installable(String, String, String, String)} for an org-wide (Enterprise Grid) install. */
    public FakeSlack installableOrgWide(String code, String enterpriseId, String enterpriseName, String botToken) {
        return installable(new Install(code, null, null, enterpriseId, enterpriseName, botToken, "UBOT" + enterpriseId));
    }

    private FakeSlack installable(Install install) {
        installCodes.put(install.code(), install);
        tokenOwners.put(install.botToken(), install);
        return this;
    }

    // ---- token rotation: what a code's install hands out with its token, and what each refresh token buys.
    private record Rotating(String refreshToken, long expiresInSeconds) {
    }

    private record Refresh(Install install, String botToken, String refreshToken, long expiresInSeconds) {
    }

    private final Map<String, Rotating> rotatingCodes = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshes = new ConcurrentHashMap<>();
    private final Map<String, Install> refreshOwners = new ConcurrentHashMap<>();

    /** Like {@link #installable(String, String, String, String)} with token rotation on. */
    public FakeSlack installableRotating(String code, String teamId, String teamName, String botToken,
                                         String refreshToken, Duration expiresIn) {
        rotatingCodes.put(code, new Rotating(refreshToken, expiresIn.toSeconds()));
        installable(code, teamId, teamName, botToken);
        refreshOwners.put(refreshToken, installCodes.get(code));
        return this;
    }

    /** oauth.v2.access with {@code grant_type=refresh_token} and {@code refreshToken} answers this pair; unknown ones invalid_refresh_token. */
    public FakeSlack refreshable(String refreshToken, String newBotToken, String newRefreshToken, Duration expiresIn) {
        Install owner = refreshOwners.get(refreshToken);
        refreshes.put(refreshToken, new Refresh(owner, newBotToken, newRefreshToken, expiresIn.toSeconds()));
        if (owner != null) {
            refreshOwners.put(newRefreshToken, owner);
        }
        return this;
    }

    private String refreshToken(Map<String, String> p) {
        Refresh refresh = refreshes.remove(String.valueOf(p.get("refresh_token")));
        if (refresh == null) {
            return error("invalid_refresh_token");
        }
        if (refresh.install() != null) {
            tokenOwners.put(refresh.botToken(), refresh.install());
        }
        return ok(o -> {
            o.addProperty("token_type", "bot");
            o.addProperty("access_token", refresh.botToken());
            o.addProperty("refresh_token", refresh.refreshToken());
            o.addProperty("expires_in", refresh.expiresInSeconds());
        });
    }

    /** Codes are single-use, as Slack's are; an unknown one gets invalid_code. */
    private String oauthV2Access(Map<String, String> p) {
        if ("refresh_token".equals(p.get("grant_type"))) {
            return refreshToken(p);
        }
        Install install = installCodes.remove(String.valueOf(p.get("code")));
        if (install == null) {
            return error("invalid_code");
        }
        Rotating rotating = rotatingCodes.get(install.code());
        return ok(o -> {
            if (rotating != null) {
                o.addProperty("refresh_token", rotating.refreshToken());
                o.addProperty("expires_in", rotating.expiresInSeconds());
            }
            o.addProperty("app_id", "A0001");
            o.addProperty("scope", "commands,chat:write");
            o.addProperty("token_type", "bot");
            o.addProperty("access_token", install.botToken());
            o.addProperty("bot_user_id", install.botUserId());
            o.addProperty("is_enterprise_install", install.orgWide());
            o.add("team", install.orgWide() ? null : named(install.teamId(), install.teamName()));
            o.add("enterprise", install.enterpriseId() == null ? null
                    : named(install.enterpriseId(), install.enterpriseName()));
            JsonObject user = new JsonObject();
            user.addProperty("id", "U0INSTALLER");
            o.add("authed_user", user);
        });
    }

    private String installedAuthTest(Install install) {
        return ok(o -> {
            o.addProperty("url", TEAM_URL);
            o.addProperty("team", install.orgWide() ? install.enterpriseName() : install.teamName());
            o.addProperty("user", BOT_USER_NAME);
            o.addProperty("team_id", install.orgWide() ? install.enterpriseId() : install.teamId());
            o.addProperty("user_id", install.botUserId());
            o.addProperty("bot_id", "B" + install.botUserId());
            o.addProperty("is_enterprise_install", install.orgWide());
            if (install.enterpriseId() != null) {
                o.addProperty("enterprise_id", install.enterpriseId());
            }
        });
    }

    private static JsonObject named(String id, String name) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("name", name);
        return o;
    }

    // ---- HTTP -------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> params = new LinkedHashMap<>(parseForm(exchange.getRequestURI().getRawQuery()));
            params.putAll(parseBody(body, exchange.getRequestHeaders().getFirst("Content-Type")));
            String bearer = bearerToken(exchange.getRequestHeaders().getFirst("Authorization"));
            String token = bearer != null ? bearer : params.get("token");
            callerToken.set(token);

            Reply reply;
            long at = System.nanoTime();
            try {
                SlackLimits.Limiter limits = limiter;
                Integer retryAfter = limits == null ? null : limits.refuse(method, params, at);
                reply = retryAfter != null ? new Reply(429, error("ratelimited"), retryAfter)
                        : reply(method, Collections.unmodifiableMap(params));
            } catch (RuntimeException e) {
                // A broken test override should show up as a failed call, not a hung client.
                reply = new Reply(500, error("fake_slack_error: " + e), null);
            }
            calls.add(new Call(method, Collections.unmodifiableMap(params), token, reply.status(), at));

            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            if (reply.retryAfterSeconds() != null) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(reply.retryAfterSeconds()));
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    /**
     * The upload URL files.getUploadURLExternal hands out: takes the raw bytes of a file (recorded
     * as method {@code upload}); a file id it did not hand out gets a 404.
     */
    private void handleUpload(HttpExchange exchange) throws IOException {
        try {
            String fileId = exchange.getRequestURI().getPath().substring("/upload/".length());
            byte[] content = exchange.getRequestBody().readAllBytes();
            boolean known = "POST".equals(exchange.getRequestMethod()) && uploadLengths.containsKey(fileId);
            if (known) {
                uploads.put(fileId, content);
            }
            int status = known ? 200 : 404;
            calls.add(new Call("upload", Map.of("file_id", fileId, "length", String.valueOf(content.length)), null,
                    status));
            byte[] body = (known ? "OK - " + content.length : "not found").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    private Reply reply(String method, Map<String, String> params) {
        for (TokenRule rule : tokenRules) {
            if (rule.matches(method, callerToken.get())) {
                return rule.error() != null ? Reply.ok(error(rule.error()))
                        : new Reply(429, error("ratelimited"), rule.retryAfterSeconds());
            }
        }
        Queue<Reply> queue = oneShots.get(method);
        Reply next = queue == null ? null : queue.poll();
        if (next != null) {
            return next;
        }
        for (StormRule storm : stormRules.getOrDefault(method, List.of())) {
            if (storm.limits(params)) {
                return new Reply(429, error("ratelimited"), storm.retryAfterSeconds());
            }
        }
        for (LimitRule limit : limitRules.getOrDefault(method, List.of())) {
            if (limit.when().test(params) && limit.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return new Reply(429, error("ratelimited"), limit.retryAfterSeconds());
            }
        }
        for (Rule rule : standingRules.getOrDefault(method, List.of())) {
            if (rule.when().test(params)) {
                return Reply.ok(error(rule.error()));
            }
        }
        Function<Map<String, String>, String> override = overrides.get(method);
        if (override != null) {
            String answer = override.apply(params);
            if (answer != null) {
                return Reply.ok(answer);
            }
        }
        return Reply.ok(defaultAnswer(method, params));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }

    private static Map<String, String> parseBody(String body, String contentType) {
        if (body.isBlank()) {
            return Map.of();
        }
        boolean json = contentType != null
                ? contentType.toLowerCase(Locale.ROOT).startsWith("application/json")
                : body.stripLeading().startsWith("{");
        return json ? parseJson(body) : parseForm(body);
    }

    private static Map<String, String> parseForm(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, String> parseJson(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            return params;
        }
        if (root.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
                JsonElement v = e.getValue();
                if (!v.isJsonNull()) {
                    params.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
                }
            }
        }
        return params;
    }

    // ---- default answers --------------------------------------------------------------------

    private String defaultAnswer(String method, Map<String, String> p) {
        return switch (method) {
            case "auth.test" -> tokenOwners.containsKey(String.valueOf(callerToken.get()))
                    ? installedAuthTest(tokenOwners.get(callerToken.get())) : authTest();
            case "oauth.v2.access" -> oauthV2Access(p);
            // Where tests point a slash command's response_url.
            case "respond" -> ok(o -> { });
            case "chat.postMessage" -> chatPostMessage(p);
            case "chat.postEphemeral" -> ok(o -> o.addProperty("message_ts", nextTs()));
            case "chat.update" -> ok(o -> {
                o.addProperty("channel", p.get("channel"));
                o.addProperty("ts", p.get("ts"));
                o.addProperty("text", p.get("text"));
            });
            case "chat.delete" -> ok(o -> {
                o.addProperty("channel", p.get("channel"));
                o.addProperty("ts", p.get("ts"));
            });
            case "chat.getPermalink" -> ok(o -> {
                String ts = p.getOrDefault("message_ts", "");
                o.addProperty("channel", p.get("channel"));
                o.addProperty("permalink", TEAM_URL + "archives/" + p.get("channel") + "/p" + ts.replace(".", ""));
            });
            case "conversations.open" -> conversationsOpen(p);
            case "conversations.info" -> conversationsInfo(p);
            case "conversations.members" -> listed(channelMembers.get(p.get("channel")), "members", "channel_not_found");
            case "usergroups.list" -> ok(o -> {
                com.google.gson.JsonArray groups = new com.google.gson.JsonArray();
                userGroups.keySet().stream().sorted().forEach(id -> {
                    JsonObject g = new JsonObject();
                    g.addProperty("id", id);
                    g.addProperty("team_id", TEAM_ID);
                    g.addProperty("handle", id.toLowerCase(Locale.ROOT));
                    g.addProperty("name", "Group " + id);
                    groups.add(g);
                });
                o.add("usergroups", groups);
            });
            case "usergroups.users.list" -> listed(userGroups.get(p.get("usergroup")), "users", "no_such_subteam");
            case "users.info" -> usersInfo(p);
            case "users.list" -> usersList(p);
            case "views.open", "views.update", "views.push", "views.publish" -> views(method, p);
            case "files.getUploadURLExternal" -> getUploadUrl(p);
            case "files.completeUploadExternal" -> completeUpload(p);
            default -> error("unknown_method");
        };
    }

    private String authTest() {
        return ok(o -> {
            o.addProperty("url", TEAM_URL);
            o.addProperty("team", TEAM_NAME);
            o.addProperty("user", BOT_USER_NAME);
            o.addProperty("team_id", TEAM_ID);
            o.addProperty("user_id", BOT_USER_ID);
            o.addProperty("bot_id", BOT_ID);
            o.addProperty("is_enterprise_install", false);
        });
    }

    private String chatPostMessage(Map<String, String> p) {
        String ts = nextTs();
        String channel = p.get("channel");
        // Slack answers a post to a user id with the id of the DM it actually landed in.
        String answeredChannel = isUserId(channel) ? "D" + channel : channel;
        return ok(o -> {
            o.addProperty("channel", answeredChannel);
            o.addProperty("ts", ts);
            JsonObject message = new JsonObject();
            message.addProperty("type", "message");
            message.addProperty("user", BOT_USER_ID);
            message.addProperty("bot_id", BOT_ID);
            message.addProperty("text", p.getOrDefault("text", ""));
            message.addProperty("ts", ts);
            if (p.get("thread_ts") != null) {
                message.addProperty("thread_ts", p.get("thread_ts"));
            }
            o.add("message", message);
        });
    }

    private String conversationsOpen(Map<String, String> p) {
        String users = p.get("users");
        String id;
        if (users == null || users.isBlank()) {
            id = p.get("channel");
            if (id == null) {
                return error("user_not_found");
            }
        } else {
            String[] ids = users.split(",");
            id = ids.length == 1 ? "D" + ids[0].trim() : "G" + String.join("", ids).replace(" ", "");
        }
        String channelId = id;
        return ok(o -> {
            JsonObject channel = new JsonObject();
            channel.addProperty("id", channelId);
            o.add("channel", channel);
        });
    }

    private String conversationsInfo(Map<String, String> p) {
        String id = p.get("channel");
        if (id == null) {
            return error("channel_not_found");
        }
        return ok(o -> {
            JsonObject channel = new JsonObject();
            channel.addProperty("id", id);
            channel.addProperty("name", "general");
            channel.addProperty("is_channel", id.startsWith("C"));
            channel.addProperty("is_im", id.startsWith("D"));
            channel.addProperty("is_member", true);
            channel.addProperty("is_private", false);
            o.add("channel", channel);
        });
    }

    private String usersInfo(Map<String, String> p) {
        User user = p.get("user") == null ? null : users.get(p.get("user"));
        if (user == null) {
            return error("user_not_found");
        }
        Instant now = Instant.now();
        ZoneId zone = ZoneId.of(user.tz());
        boolean dst = zone.getRules().isDaylightSavings(now);
        return ok(o -> {
            JsonObject u = new JsonObject();
            u.addProperty("id", user.id());
            u.addProperty("team_id", TEAM_ID);
            u.addProperty("name", user.name());
            u.addProperty("real_name", user.name());
            u.addProperty("tz", user.tz());
            u.addProperty("tz_label", TimeZone.getTimeZone(zone).getDisplayName(dst, TimeZone.LONG, Locale.US));
            u.addProperty("tz_offset", zone.getRules().getOffset(now).getTotalSeconds());
            u.addProperty("is_bot", false);
            u.addProperty("deleted", false);
            JsonObject profile = new JsonObject();
            profile.addProperty("real_name", user.name());
            profile.addProperty("display_name", user.name());
            u.add("profile", profile);
            o.add("user", u);
        });
    }

    /** Everyone known, by id, {@code limit} a page (all when 0 or absent), with Slack's opaque-looking cursor. */
    private String usersList(Map<String, String> p) {
        List<String> ids = users.keySet().stream().sorted().toList();
        String cursor = p.getOrDefault("cursor", "");
        int from = 0;
        if (!cursor.isEmpty()) {
            String after = new String(java.util.Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            from = after.startsWith("user:") ? ids.indexOf(after.substring(5)) : -1;
            if (from < 0) {
                return error("invalid_cursor");
            }
        }
        int limit = Integer.parseInt(p.getOrDefault("limit", "0"));
        int to = limit <= 0 ? ids.size() : Math.min(ids.size(), from + limit);
        String next = to < ids.size()
                ? java.util.Base64.getEncoder().encodeToString(("user:" + ids.get(to)).getBytes(StandardCharsets.UTF_8))
                : "";
        JsonArray members = new JsonArray();
        ids.subList(from, to).forEach(id ->
                members.add(JsonParser.parseString(usersInfo(Map.of("user", id))).getAsJsonObject().get("user")));
        return ok(o -> {
            o.add("members", members);
            JsonObject meta = new JsonObject();
            meta.addProperty("next_cursor", next);
            o.add("response_metadata", meta);
        });
    }

    private static String listed(List<String> ids, String field, String notFound) {
        if (ids == null) {
            return error(notFound);
        }
        return ok(o -> {
            JsonArray array = new JsonArray();
            ids.forEach(array::add);
            o.add(field, array);
            if (field.equals("members")) {
                JsonObject meta = new JsonObject();
                meta.addProperty("next_cursor", "");
                o.add("response_metadata", meta);
            }
        });
    }

    private String views(String method, Map<String, String> p) {
        JsonObject view = new JsonObject();
        try {
            JsonElement sent = p.get("view") == null ? null : JsonParser.parseString(p.get("view"));
            if (sent != null && sent.isJsonObject()) {
                view = sent.getAsJsonObject();
            }
        } catch (JsonParseException ignored) {
            // echo is best effort; the id and hash below are what callers rely on
        }
        int n = viewCounter.incrementAndGet();
        String id = method.equals("views.update") && p.get("view_id") != null
                ? p.get("view_id")
                : String.format("V%07d", n);
        view.addProperty("id", id);
        view.addProperty("team_id", TEAM_ID);
        view.addProperty("hash", "h" + n);
        JsonObject answered = view;
        return ok(o -> o.add("view", answered));
    }

    private String getUploadUrl(Map<String, String> p) {
        String filename = p.get("filename");
        int length;
        try {
            length = Integer.parseInt(p.getOrDefault("length", ""));
        } catch (NumberFormatException e) {
            return error("invalid_arguments");
        }
        if (filename == null || filename.isBlank() || length < 1) {
            return error("invalid_arguments");
        }
        String fileId = String.format("F%08d", fileCounter.incrementAndGet());
        uploadLengths.put(fileId, length);
        String uploadUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + fileId;
        return ok(o -> {
            o.addProperty("upload_url", uploadUrl);
            o.addProperty("file_id", fileId);
        });
    }

    /** Shares uploaded files; fails like Slack when a file's bytes never arrived or their length is wrong. */
    private String completeUpload(Map<String, String> p) {
        String channel = p.get("channel_id");
        if (channel != null && !CONVERSATION_ID.matcher(channel).matches()) {
            return error("invalid_arguments");
        }
        JsonArray files;
        try {
            files = JsonParser.parseString(p.getOrDefault("files", "")).getAsJsonArray();
        } catch (RuntimeException e) {
            return error("invalid_arguments");
        }
        List<SharedFile> shared = new ArrayList<>();
        for (JsonElement f : files) {
            String id = f.getAsJsonObject().get("id").getAsString();
            byte[] content = uploads.get(id);
            if (content == null) {
                return error("file_not_found");
            }
            if (content.length != uploadLengths.get(id)) {
                return error("file_upload_size_mismatch");
            }
            JsonElement title = f.getAsJsonObject().get("title");
            shared.add(new SharedFile(id, channel, title == null ? null : title.getAsString(),
                    p.get("initial_comment"), content));
        }
        sharedFiles.addAll(shared);
        return ok(o -> {
            JsonArray answered = new JsonArray();
            for (SharedFile f : shared) {
                JsonObject file = new JsonObject();
                file.addProperty("id", f.fileId());
                file.addProperty("title", f.title());
                file.addProperty("permalink", TEAM_URL + "files/" + BOT_USER_ID + "/" + f.fileId());
                answered.add(file);
            }
            o.add("files", answered);
        });
    }

    // ---- helpers ----------------------------------------------------------------------------

    private String nextTs() {
        long micros = tsCounter.incrementAndGet() * 100;
        return String.format("%d.%06d", TS_BASE_SECONDS + micros / 1_000_000, micros % 1_000_000);
    }

    private static boolean isUserId(String channel) {
        return channel != null && (channel.startsWith("U") || channel.startsWith("W"));
    }

    private static String ok(Consumer<JsonObject> fill) {
        JsonObject o = new JsonObject();
        o.addProperty("ok", true);
        fill.accept(o);
        return GSON.toJson(o);
    }

    private static String error(String error) {
        JsonObject o = new JsonObject();
        o.addProperty("ok", false);
        o.addProperty("error", error);
        return GSON.toJson(o);
    }
}
