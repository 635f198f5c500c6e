package org.alliance.install;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.app_backend.oauth.payload.VerificationCodePayload;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.support.InMemoryMongo;
import org.alliance.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OAuthStatesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final OAuthStates states = new OAuthStates(InMemoryMongo.freshDatabase(), "state-secret", clock);

    @Test
    void aStateIsGoodOnceInTheBrowserThatAskedForIt() throws Exception {
        Issued issued = issue();

        assertThat(states.isValid(redirect(issued.state(), issued.cookie()))).isTrue();
        assertThat(states.isValid(redirect(issued.state(), issued.cookie()))).as("replayed").isFalse();
    }

    @Test
    void aStateExpiresAfterTenMinutes() throws Exception {
        Issued fresh = issue();
        Issued stale = issue();

        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(states.isValid(redirect(fresh.state(), fresh.cookie()))).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(states.isValid(redirect(stale.state(), stale.cookie()))).isFalse();
    }

    @Test
    void aStateWithoutItsCookieOrWithAnotherOnesIsRefusedAndNotSpent() throws Exception {
        Issued mine = issue();
        Issued theirs = issue();

        assertThat(states.isValid(redirect(mine.state(), null))).isFalse();
        assertThat(states.isValid(redirect(mine.state(), theirs.cookie()))).isFalse();
        assertThat(states.isValid(redirect("made-up", mine.cookie()))).isFalse();
        assertThat(states.isValid(redirect(mine.state(), mine.cookie()))).isTrue();
    }

    @Test
    void issuingSetsASecureHttpOnlyCookieThatIsNotTheStateItself() throws Exception {
        Issued issued = issue();

        assertThat(issued.setCookie()).startsWith("alliance-oauth-state=").contains("Secure", "HttpOnly", "Max-Age=600");
        assertThat(issued.cookie()).isNotEqualTo(issued.state()).hasSize(64);
        assertThat(issued.state()).hasSize(32);
    }

    private record Issued(String state, String cookie, String setCookie) {
    }

    private Issued issue() throws Exception {
        Response response = Response.builder().statusCode(200).headers(new HashMap<>()).build();
        String state = states.issueNewState(null, response);
        String setCookie = response.getHeaders().get("Set-Cookie").get(0);
        String cookie = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        return new Issued(state, cookie, setCookie);
    }

    private static OAuthCallbackRequest redirect(String state, String cookie) {
        Map<String, List<String>> query = new HashMap<>(Map.of("state", List.of(state), "code", List.of("c")));
        Map<String, List<String>> headers = new HashMap<>();
        if (cookie != null) {
            headers.put("Cookie", List.of("other=1; alliance-oauth-state=" + cookie));
        }
        return new OAuthCallbackRequest(query, "", VerificationCodePayload.from(query), new RequestHeaders(headers));
    }
}
