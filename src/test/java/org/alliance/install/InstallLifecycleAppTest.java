package org.alliance.install;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.support.FakeSlack;
import org.alliance.workspace.Workspaces;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Distribution mode over time: rotating tokens are refreshed by the scheduler before they expire,
 * and an org-wide (Enterprise Grid) install's workspaces live through install, uninstall and purge
 * like any other workspace. The clock starts at the real time, as Bolt dates a new token's expiry
 * by it.
 */
@ExtendWith(OutputCaptureExtension.class)
class InstallLifecycleAppTest extends DistributionApp {

    private static final Duration LIFETIME = Duration.ofHours(12);

    @Autowired
    Workspaces workspaces;

    @BeforeEach
    void startAtTheRealTime() {
        // Bolt dates a new token's expiry by the real clock: start each test there.
        clock.set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    // ---- token rotation ---------------------------------------------------------------------

    @Test
    void aRotatingTokenIsRefreshedBeforeItExpiresAndTheNextCallCarriesTheNewOne() throws Exception {
        String team = team();
        installRotating(team);
        slack.refreshable(refresh(team, 1), token(team, 2), refresh(team, 2), LIFETIME);
        assertThat(pendingRefreshes(team)).singleElement().satisfies(job ->
                assertThat(job.getDate("dueAt").toInstant()).isCloseTo(clock.instant().plus(Duration.ofHours(10)),
                        within()));

        clock.advance(Duration.ofHours(9));
        Thread.sleep(500);
        assertThat(refreshCalls(refresh(team, 1))).as("not yet: the token still has 3 hours").isEmpty();

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        await().atMost(WAIT).until(() -> refreshCalls(refresh(team, 1)).size() == 1);
        FakeSlack.Call call = refreshCalls(refresh(team, 1)).get(0);
        assertThat(call.token()).as("a refresh needs no bot token").isNull();

        Instant newExpiry = clock.instant().plus(LIFETIME);
        await().atMost(WAIT).until(() -> install(team).getDate("botTokenExpiresAt").toInstant().equals(newExpiry));
        // No token in the clear. Its prefix with the dash: the ciphertext's base64 can spell "xox", never "xoxb-".
        assertThat(install(team).toJson()).doesNotContain(token(team, 2), refresh(team, 2), "xoxb-", "xoxe-");
        await().atMost(WAIT).until(() -> pendingRefreshes(team).size() == 1
                && pendingRefreshes(team).get(0).getDate("dueAt").toInstant().equals(newExpiry.minus(Duration.ofHours(2))));

        assertThat(requests.slashCommand(team, "U0LEADER", "C0GENERAL", "").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> slack.calls("views.open").size() == 1);
        assertThat(slack.calls("views.open").get(0).token()).isEqualTo(token(team, 2));
    }

    @Test
    void aFailedRefreshIsLoggedKeepsTheOldTokenAndIsRetriedLater(CapturedOutput output) throws Exception {
        String team = team();
        installRotating(team);
        slack.failNext("oauth.v2.access", "internal_error")
                .refreshable(refresh(team, 1), token(team, 2), refresh(team, 2), LIFETIME);
        Date oldExpiry = install(team).getDate("botTokenExpiresAt");

        clock.advance(Duration.ofHours(10).plusMinutes(1));
        await().atMost(WAIT).until(() -> refreshCalls(refresh(team, 1)).size() == 1);
        await().atMost(WAIT).until(() -> output.getAll().contains("Could not refresh the bot token of workspace " + team));
        assertThat(output.getAll()).contains("Slack said internal_error", "trying again at");
        assertThat(install(team).getDate("botTokenExpiresAt")).isEqualTo(oldExpiry);
        assertThat(requests.slashCommand(team, "U0LEADER", "C0GENERAL", "").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> slack.calls("views.open").size() == 1);
        assertThat(slack.calls("views.open").get(0).token()).as("the old token is kept").isEqualTo(token(team, 1));
        await().atMost(WAIT).until(() -> pendingRefreshes(team).size() == 1);
        assertThat(pendingRefreshes(team).get(0).getDate("dueAt").toInstant()).isAfter(clock.instant());

        clock.advance(Duration.ofMinutes(2));
        await().atMost(WAIT).until(() -> refreshCalls(refresh(team, 1)).size() == 2);
        await().atMost(WAIT).until(() -> !install(team).getDate("botTokenExpiresAt").equals(oldExpiry));
        assertThat(output.getAll()).doesNotContain(token(team, 1), token(team, 2), refresh(team, 2));
    }

    @Test
    void aRejectedRefreshTokenMarksTheWorkspaceAsNeedingAReinstallAndIsNotTriedAgain() throws Exception {
        String team = team();
        installRotating(team);
        // No refreshable pair: the fake Slack answers invalid_refresh_token.

        clock.advance(Duration.ofHours(10).plusMinutes(1));
        await().atMost(WAIT).until(() -> "invalid_refresh_token".equals(workspace(team).getString("needsReinstallError")));
        assertThat(refreshCalls(refresh(team, 1))).hasSize(1);

        clock.advance(Duration.ofHours(3));
        Thread.sleep(700);
        assertThat(refreshCalls(refresh(team, 1))).as("not tried again").hasSize(1);
        assertThat(pendingRefreshes(team)).isEmpty();
    }

    // ---- org-wide installs ------------------------------------------------------------------

    @Test
    void anOrgsWorkspacesAreConnectedWhenHeardFromUninstalledWithTheOrgAndPurgedAfterwards() throws Exception {
        String enterprise = "E" + ids.incrementAndGet();
        String first = team();
        String second = team();
        installOrg(enterprise, "code-" + enterprise);

        orgCommand(enterprise, first);
        orgCommand(enterprise, second);
        await().atMost(WAIT).until(() -> slack.calls("views.open").size() == 2);
        assertThat(workspace(first).get("connectedAt")).isNotNull();
        assertThat(workspace(second).get("connectedAt")).isNotNull();
        assertThat(workspace(second).get("uninstalledAt")).isNull();
        assertThat(install(enterprise).getList("teamIds", String.class)).containsExactlyInAnyOrder(first, second);

        assertThat(requests.rawJson(orgUninstalled(enterprise, first)).statusCode()).isEqualTo(200);

        await().atMost(WAIT).until(() -> install(enterprise) == null);
        await().atMost(WAIT).until(() -> workspace(first).get("uninstalledAt") != null
                && workspace(second).get("uninstalledAt") != null);
        assertThat(db.getCollection("jobs").countDocuments(new Document("kind", "workspace.purge")
                .append("teamId", new Document("$in", List.of(first, second))))).isEqualTo(2);
        slack.reset();
        orgCommand(enterprise, second);
        await().atMost(WAIT).until(() -> !slack.calls("respond").isEmpty());
        assertThat(slack.calls("views.open")).as("nothing is called for a workspace whose org uninstalled").isEmpty();

        clock.advance(Duration.ofDays(30).plusHours(1));
        await().atMost(WAIT).until(() -> workspace(first) == null && workspace(second) == null);
        assertThat(db.getCollection("installations").countDocuments(new Document("teamIds", first))).isZero();
        assertThat(install(enterprise)).isNull();
    }

    @Test
    void reinstallingTheOrgMakesItsKnownWorkspacesReachableAgain() throws Exception {
        String enterprise = "E" + ids.incrementAndGet();
        String member = team();
        installOrg(enterprise, "code-" + enterprise);
        orgCommand(enterprise, member);
        await().atMost(WAIT).until(() -> slack.calls("views.open").size() == 1);
        workspaces.needsReinstall(member, "invalid_auth");
        assertThat(workspace(member).get("needsReinstallSince")).isNotNull();

        installOrg(enterprise, "again-" + enterprise);

        assertThat(workspace(member).get("needsReinstallSince")).isNull();
        assertThat(workspaces.unreachable(member)).isEmpty();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String token(String team, int generation) {
        return "xoxb-" + team + "-gen" + generation;
    }

    private static String refresh(String team, int generation) {
        return "xoxe-" + team + "-gen" + generation;
    }

    private static org.assertj.core.data.TemporalUnitOffset within() {
        return new org.assertj.core.data.TemporalUnitWithinOffset(5, ChronoUnit.SECONDS);
    }

    private void installRotating(String team) throws Exception {
        Started started = start();
        slack.installableRotating("code-" + team, team, "Acme " + team, token(team, 1), refresh(team, 1), LIFETIME);
        HttpResponse<String> done = get("/slack/oauth_redirect?code=code-" + team + "&state=" + started.state(),
                started.cookie());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(install(team).toJson()).doesNotContain(token(team, 1), refresh(team, 1));
        assertThat(install(team).get("botRefreshToken")).isNotNull();
    }

    private void installOrg(String enterprise, String code) throws Exception {
        Started started = start();
        slack.installableOrgWide(code, enterprise, "Initech", "xoxb-" + enterprise);
        HttpResponse<String> done = get("/slack/oauth_redirect?code=" + code + "&state=" + started.state(),
                started.cookie());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    private List<FakeSlack.Call> refreshCalls(String refreshToken) {
        return slack.calls("oauth.v2.access").stream().filter(c -> "refresh_token".equals(c.param("grant_type"))
                && refreshToken.equals(c.param("refresh_token"))).toList();
    }

    private List<Document> pendingRefreshes(String installId) {
        return db.getCollection("jobs").find(new Document("kind", "install.token-refresh")
                .append("teamId", installId).append("status", "PENDING")).into(new java.util.ArrayList<>());
    }

    private Document install(String id) {
        return db.getCollection("installations").find(new Document("_id", id)).first();
    }

    private Document workspace(String teamId) {
        return db.getCollection("workspaces").find(new Document("_id", teamId)).first();
    }

    private void orgCommand(String enterpriseId, String teamId) {
        String body = "token=t&team_id=" + teamId + "&team_domain=x&enterprise_id=" + enterpriseId
                + "&enterprise_name=Initech&channel_id=C0GENERAL&channel_name=general&user_id=U0LEADER&user_name=lee"
                + "&command=%2Falliance&text=&api_app_id=A0001&is_enterprise_install=true&response_url="
                + URLEncoder.encode(slack.responseUrl(), StandardCharsets.UTF_8) + "&trigger_id=1.2.3";
        assertThat(requests.post(body, "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
    }

    /** app_uninstalled as Slack sends it for an org-wide install: the org's authorization, is_enterprise_install. */
    private String orgUninstalled(String enterpriseId, String teamId) {
        JsonObject envelope = JsonParser.parseString(requests.eventEnvelope("{\"type\":\"app_uninstalled\"}"))
                .getAsJsonObject();
        envelope.addProperty("team_id", teamId);
        envelope.addProperty("enterprise_id", enterpriseId);
        envelope.addProperty("is_ext_shared_channel", false);
        JsonObject authorization = new JsonObject();
        authorization.addProperty("enterprise_id", enterpriseId);
        authorization.add("team_id", null);
        authorization.addProperty("user_id", "UBOT" + enterpriseId);
        authorization.addProperty("is_bot", true);
        authorization.addProperty("is_enterprise_install", true);
        JsonArray authorizations = new JsonArray();
        authorizations.add(authorization);
        envelope.add("authorizations", authorizations);
        return envelope.toString();
    }
}
