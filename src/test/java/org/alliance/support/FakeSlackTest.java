package org.alliance.support;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewTitle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FakeSlackTest {

    private static FakeSlack fake;
    private static Slack slack;
    private static MethodsClient methods;

    @BeforeAll
    static void startFake() {
        fake = FakeSlack.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setFailOnUnknownProperties(false);
        config.getMethodsConfig().setStatsEnabled(false);
        slack = Slack.getInstance(config);
        methods = slack.methods("xoxb-test");
    }

    @AfterEach
    void resetFake() {
        fake.reset();
    }

    @AfterAll
    static void stopFake() throws Exception {
        slack.close();
        fake.close();
    }

    @Test
    void apiUrlEndsWithSlashForTheSdkPrefix() {
        assertThat(fake.apiUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/");
    }

    @Test
    void authTestDescribesTheBotAndRecordsTheToken() throws Exception {
        AuthTestResponse auth = methods.authTest(r -> r);

        assertThat(auth.isOk()).isTrue();
        assertThat(auth.getTeamId()).isEqualTo("T0001");
        assertThat(auth.getTeam()).isEqualTo("Test Team");
        assertThat(auth.getUserId()).isEqualTo("UBOT");
        assertThat(auth.getUser()).isEqualTo("alliance");
        assertThat(auth.getBotId()).isEqualTo("B0001");
        assertThat(auth.getUrl()).isEqualTo("https://test-team.slack.com/");
        assertThat(fake.lastCall("auth.test")).get().extracting(FakeSlack.Call::token).isEqualTo("xoxb-test");
    }

    @Test
    void postMessageAnswersFreshIncreasingTsAndRecordsParams() throws Exception {
        ChatPostMessageResponse first = methods.chatPostMessage(r -> r.channel("C0GENERAL").text("hello")
                .blocks(asBlocks(section(s -> s.text(plainText("block text"))))));
        ChatPostMessageResponse second = methods.chatPostMessage(r -> r.channel("C0GENERAL").text("again")
                .threadTs(first.getTs()));

        assertThat(first.isOk()).isTrue();
        assertThat(first.getChannel()).isEqualTo("C0GENERAL");
        assertThat(first.getMessage().getText()).isEqualTo("hello");
        assertThat(first.getMessage().getTs()).isEqualTo(first.getTs());
        assertThat(second.getTs()).isNotEqualTo(first.getTs());
        assertThat(Double.parseDouble(second.getTs())).isGreaterThan(Double.parseDouble(first.getTs()));

        List<FakeSlack.Call> posts = fake.calls("chat.postMessage");
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).param("channel")).isEqualTo("C0GENERAL");
        assertThat(posts.get(0).param("text")).isEqualTo("hello");
        assertThat(posts.get(0).param("blocks")).contains("\"type\":\"section\"").contains("block text");
        assertThat(posts.get(0).token()).isEqualTo("xoxb-test");
        assertThat(posts.get(0).status()).isEqualTo(200);
        assertThat(posts.get(1).param("thread_ts")).isEqualTo(first.getTs());
        assertThat(fake.calls()).extracting(FakeSlack.Call::method).containsExactly("chat.postMessage", "chat.postMessage");
    }

    @Test
    void postMessageToUserIdAnswersWithTheDmChannel() throws Exception {
        assertThat(methods.chatPostMessage(r -> r.channel("U0ALICE").text("hi")).getChannel()).isEqualTo("DU0ALICE");
        assertThat(methods.chatPostMessage(r -> r.channel("W0ENT").text("hi")).getChannel()).isEqualTo("DW0ENT");
        assertThat(methods.conversationsOpen(r -> r.users(List.of("U0BOB"))).getChannel().getId()).isEqualTo("DU0BOB");
    }

    @Test
    void chatHelpersAnswerInTheSdkModel() throws Exception {
        var posted = methods.chatPostMessage(r -> r.channel("C0GENERAL").text("x"));
        var updated = methods.chatUpdate(r -> r.channel("C0GENERAL").ts(posted.getTs()).text("y"));
        var ephemeral = methods.chatPostEphemeral(r -> r.channel("C0GENERAL").user("U0BOB").text("z"));
        var link = methods.chatGetPermalink(r -> r.channel("C0GENERAL").messageTs("1700000000.000100"));
        var deleted = methods.chatDelete(r -> r.channel("C0GENERAL").ts(posted.getTs()));
        var info = methods.conversationsInfo(r -> r.channel("C0GENERAL"));

        assertThat(updated.getTs()).isEqualTo(posted.getTs());
        assertThat(updated.getText()).isEqualTo("y");
        assertThat(ephemeral.getMessageTs()).isNotBlank().isNotEqualTo(posted.getTs());
        assertThat(link.getPermalink()).isEqualTo("https://test-team.slack.com/archives/C0GENERAL/p1700000000000100");
        assertThat(deleted.isOk()).isTrue();
        assertThat(info.getChannel().getId()).isEqualTo("C0GENERAL");
        assertThat(info.getChannel().isMember()).isTrue();
        assertThat(info.getChannel().isPrivate()).isFalse();
    }

    @Test
    void usersInfoCarriesTimezoneAndUnknownUserFails() throws Exception {
        UsersInfoResponse alice = methods.usersInfo(r -> r.user("U0ALICE"));
        UsersInfoResponse sydney = methods.usersInfo(r -> r.user("U0DAN"));
        UsersInfoResponse unknown = methods.usersInfo(r -> r.user("U0NOBODY"));

        assertThat(alice.isOk()).isTrue();
        assertThat(alice.getUser().getId()).isEqualTo("U0ALICE");
        assertThat(alice.getUser().getTeamId()).isEqualTo("T0001");
        assertThat(alice.getUser().getRealName()).isEqualTo("Alice");
        assertThat(alice.getUser().getProfile().getDisplayName()).isEqualTo("Alice");
        assertThat(alice.getUser().getTz()).isEqualTo("Asia/Tokyo");
        assertThat(alice.getUser().getTzOffset()).isEqualTo(9 * 3600);
        assertThat(alice.getUser().getTzLabel()).isEqualTo("Japan Standard Time");
        assertThat(alice.getUser().isBot()).isFalse();
        assertThat(alice.getUser().isDeleted()).isFalse();
        int sydneyOffset = ZoneId.of("Australia/Sydney").getRules().getOffset(Instant.now()).getTotalSeconds();
        assertThat(sydney.getUser().getTzOffset()).isEqualTo(sydneyOffset);

        assertThat(unknown.isOk()).isFalse();
        assertThat(unknown.getError()).isEqualTo("user_not_found");
    }

    @Test
    void addedUsersGroupsAndChannelMembersAreServed() throws Exception {
        fake.addUser("U0EVE", "Eve", "America/New_York")
                .addUserGroup("S0TEAM", "U0ALICE", "U0BOB")
                .addChannelMembers("C0ROOM", "U0CAROL", "U0DAN");

        assertThat(methods.usersInfo(r -> r.user("U0EVE")).getUser().getTz()).isEqualTo("America/New_York");
        assertThat(methods.usergroupsUsersList(r -> r.usergroup("S0TEAM")).getUsers()).containsExactly("U0ALICE", "U0BOB");
        assertThat(methods.conversationsMembers(r -> r.channel("C0ROOM")).getMembers()).containsExactly("U0CAROL", "U0DAN");
        assertThat(methods.usergroupsUsersList(r -> r.usergroup("S0NONE")).getError()).isEqualTo("no_such_subteam");
        assertThat(methods.conversationsMembers(r -> r.channel("C0NONE")).getError()).isEqualTo("channel_not_found");
    }

    @Test
    void viewsOpenAnswersAFreshViewEchoingWhatWasSent() throws Exception {
        View modal = View.builder().type("modal").callbackId("alliance-setup")
                .title(ViewTitle.builder().type("plain_text").text("Setup").build())
                .blocks(asBlocks(section(s -> s.text(plainText("pick")))))
                .build();

        ViewsOpenResponse first = methods.viewsOpen(r -> r.triggerId("trig-1").view(modal));
        ViewsOpenResponse second = methods.viewsOpen(r -> r.triggerId("trig-2").view(modal));

        assertThat(first.isOk()).isTrue();
        assertThat(first.getView().getId()).startsWith("V");
        assertThat(first.getView().getHash()).startsWith("h");
        assertThat(first.getView().getCallbackId()).isEqualTo("alliance-setup");
        assertThat(second.getView().getId()).isNotEqualTo(first.getView().getId());
        assertThat(fake.lastCall("views.open")).get()
                .satisfies(c -> assertThat(c.param("trigger_id")).isEqualTo("trig-2"))
                .satisfies(c -> assertThat(c.param("view")).contains("alliance-setup"));

        var updated = methods.viewsUpdate(r -> r.viewId(first.getView().getId()).view(modal));
        assertThat(updated.getView().getId()).isEqualTo(first.getView().getId());
    }

    @Test
    void failNextFailsOnlyTheNextCall() throws Exception {
        fake.failNext("chat.postMessage", "channel_not_found");

        ChatPostMessageResponse failed = methods.chatPostMessage(r -> r.channel("C0GONE").text("x"));
        ChatPostMessageResponse ok = methods.chatPostMessage(r -> r.channel("C0GONE").text("x"));

        assertThat(failed.isOk()).isFalse();
        assertThat(failed.getError()).isEqualTo("channel_not_found");
        assertThat(ok.isOk()).isTrue();
        assertThat(fake.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void rateLimitNextAnswers429WithRetryAfter() throws Exception {
        fake.rateLimitNext("chat.postMessage", 2, 7);

        for (int i = 0; i < 2; i++) {
            SlackApiException limited = catchThrowableOfType(SlackApiException.class,
                    () -> methods.chatPostMessage(r -> r.channel("C0GENERAL").text("x")));
            assertThat(limited).isNotNull();
            assertThat(limited.getResponse().code()).isEqualTo(429);
            assertThat(limited.getResponse().header("Retry-After")).isEqualTo("7");
            assertThat(limited.getError().getError()).isEqualTo("ratelimited");
        }
        assertThat(methods.chatPostMessage(r -> r.channel("C0GENERAL").text("x")).isOk()).isTrue();

        assertThat(fake.calls("chat.postMessage")).hasSize(1);
        assertThat(fake.allAttempts("chat.postMessage")).extracting(FakeSlack.Call::status).containsExactly(429, 429, 200);
    }

    @Test
    void failWhenIsAStandingRule() throws Exception {
        fake.failWhen("chat.postMessage", p -> "C0PRIVATE".equals(p.get("channel")), "not_in_channel");

        assertThat(methods.chatPostMessage(r -> r.channel("C0PRIVATE").text("x")).getError()).isEqualTo("not_in_channel");
        assertThat(methods.chatPostMessage(r -> r.channel("C0PRIVATE").text("x")).getError()).isEqualTo("not_in_channel");
        assertThat(methods.chatPostMessage(r -> r.channel("C0GENERAL").text("x")).isOk()).isTrue();
    }

    @Test
    void answerOverridesAndNullFallsBackToDefault() throws Exception {
        fake.answer("users.info", p -> p.get("user").equals("U0GHOST")
                ? "{\"ok\":true,\"user\":{\"id\":\"U0GHOST\",\"deleted\":true,\"tz\":\"UTC\"}}"
                : null);

        assertThat(methods.usersInfo(r -> r.user("U0GHOST")).getUser().isDeleted()).isTrue();
        assertThat(methods.usersInfo(r -> r.user("U0BOB")).getUser().getTz()).isEqualTo("America/Los_Angeles");
    }

    @Test
    void unknownMethodIsAnError() throws Exception {
        assertThat(methods.reactionsAdd(r -> r.channel("C0GENERAL").timestamp("1.2").name("tada")).getError())
                .isEqualTo("unknown_method");
    }

    @Test
    void jsonBodiesAreParsedIntoTextParams() throws Exception {
        String json = "{\"channel\":\"C0GENERAL\",\"text\":\"hi\",\"unfurl_links\":false,\"n\":3,"
                + "\"blocks\":[{\"type\":\"divider\"}],\"metadata\":{\"event_type\":\"x\"},\"none\":null}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(fake.apiUrl() + "chat.postMessage"))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Authorization", "Bearer xoxb-json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        FakeSlack.Call call = fake.lastCall("chat.postMessage").orElseThrow();
        assertThat(call.token()).isEqualTo("xoxb-json");
        assertThat(call.param("channel")).isEqualTo("C0GENERAL");
        assertThat(call.param("unfurl_links")).isEqualTo("false");
        assertThat(call.param("n")).isEqualTo("3");
        assertThat(call.param("blocks")).isEqualTo("[{\"type\":\"divider\"}]");
        assertThat(call.param("metadata")).isEqualTo("{\"event_type\":\"x\"}");
        assertThat(call.params()).doesNotContainKey("none");
    }

    @Test
    void resetClearsCallsAndRulesAndRestoresDefaults() throws Exception {
        fake.addUser("U0EVE", "Eve", "UTC").addUserGroup("S0TEAM", "U0EVE");
        fake.addUser("U0ALICE", "Alicia", "UTC");
        fake.failNext("auth.test", "invalid_auth");
        fake.failWhen("chat.postMessage", p -> true, "not_in_channel");
        fake.answer("users.info", p -> "{\"ok\":false,\"error\":\"overridden\"}");
        methods.chatPostMessage(r -> r.channel("C0GENERAL").text("x"));

        fake.reset();

        assertThat(fake.calls()).isEmpty();
        assertThat(methods.authTest(r -> r).isOk()).isTrue();
        assertThat(methods.chatPostMessage(r -> r.channel("C0GENERAL").text("x")).isOk()).isTrue();
        assertThat(methods.usersInfo(r -> r.user("U0EVE")).getError()).isEqualTo("user_not_found");
        assertThat(methods.usersInfo(r -> r.user("U0ALICE")).getUser().getTz()).isEqualTo("Asia/Tokyo");
        assertThat(methods.usergroupsUsersList(r -> r.usergroup("S0TEAM")).getError()).isEqualTo("no_such_subteam");
        assertThat(fake.calls()).hasSize(5);
    }

    @Test
    void concurrentCallsAreAllRecordedWithDistinctTs() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> posts = IntStream.range(0, 40)
                    .<Callable<String>>mapToObj(i -> () -> methods.chatPostMessage(r -> r.channel("C0GENERAL").text("m" + i)).getTs())
                    .toList();
            Set<String> tss = pool.invokeAll(posts).stream().map(FakeSlackTest::get).collect(Collectors.toSet());

            assertThat(tss).hasSize(40);
            assertThat(fake.calls("chat.postMessage")).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- Slack's rate limits, when enforced ------------------------------------------------------

    private static final long MS = 1_000_000L;

    @Test
    void limiterKeepsOneConversationToOneMessageASecondAndTellsWhenToRetry() {
        SlackLimits.Limiter limiter = new SlackLimits.Limiter(SlackLimits.slack(6000).withBursts(1, 100));
        Map<String, String> toAlice = Map.of("channel", "U0ALICE");

        assertThat(limiter.refuse("chat.postMessage", toAlice, 0)).isNull();
        // The DM with a person is one conversation, whether addressed by user id or D… id, whatever the method.
        assertThat(limiter.refuse("chat.update", Map.of("channel", "DU0ALICE"), 400 * MS)).isEqualTo(1);
        assertThat(limiter.refuse("chat.postMessage", Map.of("channel", "U0BOB"), 400 * MS)).isNull();
        assertThat(limiter.refuse("chat.postMessage", toAlice, 999 * MS)).isEqualTo(1);
        assertThat(limiter.refuse("chat.postMessage", toAlice, 1000 * MS)).isNull();
    }

    @Test
    void limiterHoldsTheWorkspaceToItsMessageBudgetAfterAShortBurst() {
        // 600 a minute: one every 100 ms, after a burst of 3.
        SlackLimits.Limiter limiter = new SlackLimits.Limiter(SlackLimits.slack(600));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.refuse("chat.postMessage", Map.of("channel", "C" + i), 0)).as("burst %d", i).isNull();
        }
        assertThat(limiter.refuse("chat.postEphemeral", Map.of("channel", "C9", "user", "U0BOB"), 50 * MS)).isEqualTo(1);
        assertThat(limiter.refuse("chat.delete", Map.of("channel", "C8"), 100 * MS)).isNull();
        assertThat(limiter.refuse("chat.postMessage", Map.of("channel", "C7"), 150 * MS)).isEqualTo(1);
        // Sustained: exactly one message per 100 ms goes through, 10 a second.
        int sent = 0;
        for (long t = 200 * MS; t < 10_200 * MS; t += 20 * MS) {
            if (limiter.refuse("chat.postMessage", Map.of("channel", "C" + t), t) == null) {
                sent++;
            }
        }
        assertThat(sent).isEqualTo(100);
    }

    @Test
    void limiterHoldsUsersInfoToAHundredAMinuteAndUsersListToTwenty() {
        SlackLimits.Limiter limiter = new SlackLimits.Limiter(SlackLimits.slack(600));
        int infos = 0;
        int lists = 0;
        for (long t = 0; t < 60_000 * MS; t += 50 * MS) {
            infos += limiter.refuse("users.info", Map.of("user", "U0ALICE"), t) == null ? 1 : 0;
            lists += limiter.refuse("users.list", Map.of(), t) == null ? 1 : 0;
        }
        // A quarter of a minute's budget at once, then the rate: 25 + 100 over the minute; 5 + 20.
        assertThat(infos).isBetween(124, 125);
        assertThat(lists).isBetween(24, 25);
        assertThat(limiter.refuse("conversations.info", Map.of(), 0)).as("a method without a budget").isNull();

        SlackLimits.Limiter fresh = new SlackLimits.Limiter(SlackLimits.slack(600));
        for (int i = 0; i < 5; i++) {
            assertThat(fresh.refuse("users.list", Map.of(), 0)).isNull();
        }
        assertThat(fresh.refuse("users.list", Map.of(), 0)).as("Retry-After for Tier 2: a call every 3 s").isEqualTo(3);
    }

    @Test
    void enforcedLimitsAnswer429WithRetryAfterAndAreCountedPerMethodUntilReset() throws Exception {
        fake.enforceLimits(SlackLimits.slack(6000).withBursts(1, 100).withMethod("users.info", 1));

        assertThat(methods.chatPostMessage(r -> r.channel("C0GENERAL").text("first")).isOk()).isTrue();
        SlackApiException limited = catchThrowableOfType(SlackApiException.class,
                () -> methods.chatPostMessage(r -> r.channel("C0GENERAL").text("too soon")));
        assertThat(limited.getResponse().code()).isEqualTo(429);
        assertThat(limited.getResponse().header("Retry-After")).isEqualTo("1");
        assertThat(methods.usersInfo(r -> r.user("U0ALICE")).isOk()).isTrue();
        catchThrowableOfType(SlackApiException.class, () -> methods.usersInfo(r -> r.user("U0BOB")));
        catchThrowableOfType(SlackApiException.class, () -> methods.usersInfo(r -> r.user("U0BOB")));

        assertThat(fake.rateLimitedCounts()).containsExactly(Map.entry("chat.postMessage", 1L), Map.entry("users.info", 2L));
        assertThat(fake.calls("chat.postMessage")).singleElement().satisfies(c -> assertThat(c.param("text")).isEqualTo("first"));

        fake.reset();
        assertThat(methods.chatPostMessage(r -> r.channel("C0GENERAL").text("a")).isOk()).isTrue();
        assertThat(methods.chatPostMessage(r -> r.channel("C0GENERAL").text("b")).isOk()).as("no limits after reset").isTrue();
        assertThat(fake.rateLimitedCounts()).isEmpty();
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
