package org.alliance.slack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import org.alliance.support.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared-parser client reads Slack's answers exactly as the SDK's own client does. */
class SharedParserMethodsTest {

    private final FakeSlack fake = FakeSlack.start().addUser("U0ANA", "Ana", "Europe/Lisbon");
    private final Slack slack = slack(fake);
    private final Function<String, ? extends MethodsClient> shared = SharedParserMethods.of(slack);

    @AfterEach
    void close() throws Exception {
        slack.close();
        fake.close();
    }

    @Test
    void readsAnswersAsTheSdkDoesThroughOneParser() throws Exception {
        MethodsClient sdk = slack.methods("xoxb-test");
        MethodsClient ours = shared.apply("xoxb-test");

        UsersInfoResponse bySdk = sdk.usersInfo(r -> r.user("U0ANA"));
        UsersInfoResponse byOurs = ours.usersInfo(r -> r.user("U0ANA"));
        UsersInfoResponse again = shared.apply("xoxb-other").usersInfo(r -> r.user("U0ANA"));

        assertThat(byOurs.isOk()).isTrue();
        assertThat(byOurs.getUser().getTz()).isEqualTo("Europe/Lisbon");
        assertThat(byOurs).usingRecursiveComparison().ignoringFields("httpResponseHeaders").isEqualTo(bySdk);
        assertThat(again).usingRecursiveComparison().ignoringFields("httpResponseHeaders").isEqualTo(bySdk);
        // The same headers, lower-cased, but for the time of each answer.
        assertThat(withoutDate(byOurs.getHttpResponseHeaders())).containsKey("content-type")
                .isEqualTo(withoutDate(bySdk.getHttpResponseHeaders()));
        assertThat(fake.calls("users.info")).extracting(FakeSlack.Call::token)
                .containsExactly("xoxb-test", "xoxb-test", "xoxb-other");
    }

    @Test
    void sendsTheSameFormAndReadsAMessagesAnswer() throws Exception {
        ChatPostMessageResponse posted = shared.apply("xoxb-test")
                .chatPostMessage(r -> r.channel("U0ANA").text("a & b").threadTs("1.2"));

        assertThat(posted.isOk()).isTrue();
        assertThat(posted.getTs()).isNotBlank();
        assertThat(fake.lastCall("chat.postMessage")).hasValueSatisfying(call -> {
            assertThat(call.param("channel")).isEqualTo("U0ANA");
            assertThat(call.param("text")).isEqualTo("a & b");
            assertThat(call.param("thread_ts")).isEqualTo("1.2");
        });
    }

    @Test
    void anAnswerOfSlackNotOkIsAResponseAndARateLimitIsTheSdksException() throws Exception {
        fake.failNext("chat.postMessage", "channel_not_found").rateLimitNext("users.info", 1, 7);
        MethodsClient ours = shared.apply("xoxb-test");

        ChatPostMessageResponse refused = ours.chatPostMessage(r -> r.channel("C0NONE").text("x"));
        SlackApiException limited = catchThrowableOfType(SlackApiException.class, () -> ours.usersInfo(r -> r.user("U0ANA")));

        assertThat(refused.isOk()).isFalse();
        assertThat(refused.getError()).isEqualTo("channel_not_found");
        assertThat(limited).isNotNull();
        assertThat(limited.getResponse().code()).isEqualTo(429);
        assertThat(limited.getResponse().header("Retry-After")).isEqualTo("7");
    }

    @Test
    void withTheSdksStatisticsOnCallsAreLeftToTheSdk() throws Exception {
        com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        try (Slack counting = Slack.getInstance(config)) {
            UsersInfoResponse info = SharedParserMethods.of(counting).apply("xoxb-test").usersInfo(r -> r.user("U0ANA"));

            assertThat(info.getUser().getTz()).isEqualTo("Europe/Lisbon");
            // The SDK's statistics need the workspace of the token, which it asks Slack for first.
            assertThat(fake.calls("auth.test")).isNotEmpty();
        }
    }

    private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
        Map<String, List<String>> rest = new HashMap<>(headers);
        rest.remove("date");
        return rest;
    }

    private static Slack slack(FakeSlack fake) {
        com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }
}
