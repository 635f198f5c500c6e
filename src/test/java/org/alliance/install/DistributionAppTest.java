package org.alliance.install;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application in distribution mode: workspaces install it with OAuth against the fake
 * Slack's oauth.v2.access, and every Web API call for a workspace carries that workspace's token.
 */
class DistributionAppTest extends DistributionApp {

    @Test
    void theInstallPageSendsSafeHeadersAndAFreshOneTimeStateEachTime() throws Exception {
        HttpResponse<String> page = get("/slack/install", null);
        Started again = start();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .startsWith("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("script-src");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.body()).contains("Add to Slack").doesNotContain("<script");
        String link = link(page.body());
        assertThat(link).startsWith("https://slack.com/oauth/v2/authorize?client_id=111.222&scope=")
                .contains(URLEncoder.encode(OAuthSettings.BOT_SCOPES, StandardCharsets.UTF_8));
        assertThat(state(link)).isNotEqualTo(again.state()).hasSize(32);
        assertThat(page.headers().allValues("Set-Cookie")).singleElement().asString()
                .startsWith("alliance-oauth-state=").contains("HttpOnly", "Secure");
        assertThat(db.getCollection("oauth_states").countDocuments(new Document("_id", again.state()))).isOne();
    }

    @Test
    void twoWorkspacesInstallAndEachRequestAndCallUsesItsOwnToken() throws Exception {
        String t1 = team();
        String t2 = team();
        HttpResponse<String> first = install(t1, "Acme", token(t1));
        HttpResponse<String> second = install(t2, "Globex", token(t2));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Alliance is installed", "Acme (" + t1 + ")");
        assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(first.headers().allValues("Set-Cookie")).as("the spent state's cookie is dropped")
                .anySatisfy(c -> assertThat(c).startsWith("alliance-oauth-state=deleted"));
        assertThat(second.body()).contains("Globex (" + t2 + ")");
        assertThat(db.getCollection("workspaces").find(new Document("_id", t1)).first()).isNotNull();

        String raw = db.getCollection("installations").find().into(new ArrayList<>()).toString();
        assertThat(raw).contains(t1, t2, "keyId").doesNotContain(token(t1), token(t2), "xoxb-");

        assertThat(requests.slashCommand(t1, "U0LEADER", "C0GENERAL", "").statusCode()).isEqualTo(200);
        assertThat(requests.slashCommand(t2, "U0LEADER", "C0GENERAL", "").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> slack.calls("views.open").size() == 2);
        assertThat(slack.calls("views.open")).extracting(FakeSlack.Call::token)
                .containsExactlyInAnyOrder(token(t1), token(t2));

        openHome(t1, "U0ALICE");
        openHome(t2, "U0BOB");
        await().atMost(WAIT).until(() -> publishedTo("U0ALICE").size() == 1 && publishedTo("U0BOB").size() == 1);
        assertThat(publishedTo("U0ALICE")).extracting(FakeSlack.Call::token).containsOnly(token(t1));
        assertThat(publishedTo("U0BOB")).extracting(FakeSlack.Call::token).containsOnly(token(t2));
        assertThat(slack.calls()).as("no call ever goes out without a workspace's own token")
                .allSatisfy(c -> assertThat(c.token()).isIn(token(t1), token(t2), null));

        JsonObject health = JsonParser.parseString(get("/actuator/health", null).body()).getAsJsonObject()
                .getAsJsonObject("components").getAsJsonObject("slack");
        assertThat(health.get("status").getAsString()).isEqualTo("UP");
        assertThat(health.getAsJsonObject("details").get("installedWorkspaces").getAsLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRequestFromAWorkspaceWithoutAnInstallIsToldToInstallAndNothingIsCalledForIt() throws Exception {
        assertThat(requests.slashCommand(team(), "U0LEADER", "C0GENERAL", "").statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> !slack.calls("respond").isEmpty());
        assertThat(slack.calls("views.open")).isEmpty();
        assertThat(slack.calls()).extracting(FakeSlack.Call::method).containsOnly("respond");
    }

    @Test
    void anOrgWideInstallServesTheOrgsWorkspacesByEnterpriseId() throws Exception {
        String enterprise = "E" + team();
        Started started = start();
        slack.installableOrgWide("code-" + enterprise, enterprise, "Initech", token(enterprise));

        HttpResponse<String> done = redirect("code=code-" + enterprise + "&state=" + started.state(), started.cookie());

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("the organization Initech (" + enterprise + ")");
        Document stored = db.getCollection("installations").find(new Document("_id", enterprise)).first();
        assertThat(stored.getBoolean("enterpriseInstall")).isTrue();
        assertThat(stored.getString("enterpriseId")).isEqualTo(enterprise);

        String workspace = team();
        requests.post(orgCommand(enterprise, workspace), "application/x-www-form-urlencoded");
        await().atMost(WAIT).until(() -> slack.calls("views.open").size() == 1);
        assertThat(slack.calls("views.open").get(0).token()).isEqualTo(token(enterprise));
    }

    @Test
    void aReplayedStateIsRefusedAndStoresNothing() throws Exception {
        String t1 = team();
        String t2 = team();
        Started started = start();
        slack.installable("code-" + t1, t1, "Acme", token(t1)).installable("code-" + t2, t2, "Evil", token(t2));
        assertThat(redirect("code=code-" + t1 + "&state=" + started.state(), started.cookie()).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = redirect("code=code-" + t2 + "&state=" + started.state(), started.cookie());

        assertFailed(replay, "expired or was already used");
        assertNotInstalled(t2);
    }

    @Test
    void anExpiredStateIsRefusedAndStoresNothing() throws Exception {
        String t1 = team();
        Started started = start();
        slack.installable("code-" + t1, t1, "Acme", token(t1));
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertFailed(redirect("code=code-" + t1 + "&state=" + started.state(), started.cookie()), "expired");
        assertNotInstalled(t1);
        assertThat(slack.calls("oauth.v2.access")).as("no code is exchanged on a bad state").isEmpty();
    }

    @Test
    void aWrongCodeOrAnErrorFromSlackGetsAFailurePageAndStoresNothing() throws Exception {
        Started wrong = start();
        assertFailed(redirect("code=nobody-issued-this&state=" + wrong.state(), wrong.cookie()), "invalid_code");

        String t1 = team();
        slack.installable("code-" + t1, t1, "Acme", token(t1)).failNext("oauth.v2.access", "invalid_client_id");
        Started refused = start();
        assertFailed(redirect("code=code-" + t1 + "&state=" + refused.state(), refused.cookie()), "invalid_client_id");
        assertNotInstalled(t1);

        Started cancelled = start();
        assertFailed(redirect("error=access_denied&state=" + cancelled.state(), cancelled.cookie()), "access_denied");
    }

    @Test
    void requestTextOnTheFailurePageIsEscaped() throws Exception {
        Started started = start();
        HttpResponse<String> page = redirect("error=" + URLEncoder.encode("<script>alert('x')</script>",
                StandardCharsets.UTF_8) + "&state=" + started.state(), started.cookie());

        assertFailed(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(page.body()).doesNotContain("<script");
        HttpResponse<String> noState = get("/slack/oauth_redirect?code=x&state=%3Cb%3E", null);
        assertFailed(noState, "expired or was already used");
    }

    @Test
    void onlyHealthIsExposedUnderActuatorByDefault() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(404);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private void assertFailed(HttpResponse<String> page, String saying) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(page.body()).contains("Alliance was not installed", saying, "Start the install again");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    }

    private void assertNotInstalled(String teamId) {
        assertThat(db.getCollection("installations").countDocuments(new Document("_id", teamId))).isZero();
        assertThat(db.getCollection("workspaces").countDocuments(new Document("_id", teamId))).isZero();
    }

    private List<FakeSlack.Call> publishedTo(String userId) {
        return slack.calls("views.publish").stream().filter(c -> userId.equals(c.param("user_id"))).toList();
    }

    private String orgCommand(String enterpriseId, String teamId) {
        return "token=t&team_id=" + teamId + "&team_domain=x&enterprise_id=" + enterpriseId
                + "&enterprise_name=Initech&channel_id=C0GENERAL&channel_name=general&user_id=U0LEADER&user_name=lee"
                + "&command=%2Falliance&text=&api_app_id=A0001&is_enterprise_install=true&response_url="
                + URLEncoder.encode(slack.responseUrl(), StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
    }
}
