package org.alliance.install;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.mongodb.client.model.Filters;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two workspaces through their whole life in distribution mode, against the fake Slack's
 * oauth.v2.access: installed through the real redirect, each running check-ins, reminders,
 * deadlines, commitments and Home on its own token and seeing nothing of the other; a 429 storm in
 * one that does not hold up the other; an uninstall that stops everything of one workspace until it
 * installs again with a new token and finds its data; and a revoked token that marks only its
 * workspace for a reinstall.
 */
class DistributionLifecycleTest extends DistributionApp {

    /** A Monday, 10:00 in London, where everyone here lives: reminders fall in working hours. */
    static final Instant START = Instant.parse("2026-11-30T10:00:00Z");
    static final String REMINDER = "gentle reminder";
    static final String CLOSED = "closed at its due time";

    /** An installed workspace and its people; every id of it carries {@link #mark()}, so a call shows whose it is. */
    record Workspace(String id, String name, String token, CheckInDriver driver) {
        String mark() {
            return id + "X";
        }

        String lead() {
            return "U" + mark() + "LEAD";
        }

        String ann() {
            return "U" + mark() + "ANN";
        }

        String ben() {
            return "U" + mark() + "BEN";
        }

        String channel() {
            return "C" + mark() + "TEAM";
        }
    }

    @BeforeEach
    void monday() {
        clock.set(START);
    }

    @Test
    void twoWorkspacesRunTheirCheckInsEachOnItsOwnTokenAndSeeNothingOfEachOther() throws Exception {
        Workspace a = installed("Acme");
        Workspace b = installed("Globex");
        assertThat(a.token()).isNotEqualTo(b.token());

        String idA = checkInWithAnAnswerAndACommitment(a);
        String idB = checkInWithAnAnswerAndACommitment(b);
        openHome(a.id(), a.lead());
        openHome(b.id(), b.lead());
        await().atMost(WAIT).until(() -> published(a.lead()) != null && published(b.lead()) != null);

        // A check-in id of one workspace does nothing in the other: not shown, not stopped.
        String statusInB = ackText(b.driver().command(b.lead(), b.channel(), "status " + idA));
        String stopInB = ackText(b.driver().command(b.lead(), b.channel(), "stop " + idA));
        settle();
        assertThat(statusInB).contains("find a check-in");
        assertThat(stopInB).contains("find a check-in");
        assertThat(statusInB + stopInB).doesNotContain(a.mark(), "promise of " + a.name(), "answer of " + a.name());
        assertThat(a.driver().checkIn(idA).getString("status")).isEqualTo("OPEN");

        // Each workspace's lists show its own check-in and commitment, nothing of the other's.
        String listA = ackText(a.driver().command(a.lead(), a.channel(), "list"));
        String listB = ackText(b.driver().command(b.lead(), b.channel(), "list"));
        assertThat(listA).contains(idA).doesNotContain(idB, b.mark());
        assertThat(listB).contains(idB).doesNotContain(idA, a.mark());
        String promisesA = ackText(a.driver().command(a.lead(), a.channel(), "commitments"));
        String promisesB = ackText(b.driver().command(b.lead(), b.channel(), "commitments"));
        assertThat(promisesA).contains("promise of Acme").doesNotContain("promise of Globex", b.mark());
        assertThat(promisesB).contains("promise of Globex").doesNotContain("promise of Acme", a.mark());

        // Four days: reminders to the one who did not answer, the commitment's heads-up, the deadline digest.
        advanceInSteps(Duration.ofDays(4), Duration.ofHours(3));
        openHome(a.id(), a.ann());
        openHome(b.id(), b.ann());
        for (Workspace w : List.of(a, b)) {
            String id = w == a ? idA : idB;
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(posted(w, c -> dm(c, w.ben()) && said(c, REMINDER))).as("reminders in %s", w.name())
                        .hasSize(2);
                assertThat(posted(w, c -> dm(c, w.lead()) && said(c, id, CLOSED))).as("digest in %s", w.name())
                        .hasSize(1);
                assertThat(posted(w, c -> dm(c, w.lead()) && said(c, "promise of " + w.name())))
                        .as("the commitment's heads-up in %s", w.name()).isNotEmpty();
                assertThat(published(w.ann())).as("Home of %s", w.ann()).isNotNull();
            });
        }
        String homeA = FakeSlackCalls.said(published(a.lead())) + FakeSlackCalls.said(published(a.ann()));
        String homeB = FakeSlackCalls.said(published(b.lead())) + FakeSlackCalls.said(published(b.ann()));
        assertThat(homeA).isNotBlank().doesNotContain(b.mark(), idB, "Globex");
        assertThat(homeB).isNotBlank().doesNotContain(a.mark(), idA, "Acme");

        assertEachCallCarriesItsWorkspacesToken(List.of(a, b));
    }

    @Test
    void aRateLimitStormInOneWorkspaceDoesNotHoldUpTheOther() throws Exception {
        Workspace a = installed("Acme");
        Workspace b = installed("Globex");
        slack.rateLimitToken("chat.postMessage", a.token(), Duration.ofSeconds(8), 2);

        assertThat(a.driver().command(a.lead(), a.channel(), "start trust <@" + a.ann() + "> <@" + a.ben() + ">")
                .statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !attempts(a, 429).isEmpty());
        String idB = b.driver().startAs(b.lead(), b.channel(), "trust <@" + b.ann() + "> <@" + b.ben() + ">", 2);

        await().atMost(Duration.ofSeconds(40)).until(() -> attempts(a, 200).size() >= 2);
        long aFirstThrough = attempts(a, 200).get(0).atNanos();
        List<FakeSlack.Call> invitationsB = posted(b, c -> dm(c, b.ann()) || dm(c, b.ben()));
        assertThat(invitationsB).as("%s's invitations to %s", b.name(), idB).hasSizeGreaterThanOrEqualTo(2);
        assertThat(invitationsB).as("all sent while %s was still paused", a.name())
                .allSatisfy(c -> assertThat(c.atNanos()).isLessThan(aFirstThrough));
        assertThat(slack.calls()).filteredOn(c -> b.token().equals(c.token())).as("never rate-limited")
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
    }

    @Test
    void anUninstalledWorkspaceGetsNothingUntilItInstallsAgainWithANewTokenAndFindsItsData() throws Exception {
        Workspace a = installed("Acme");
        Workspace b = installed("Globex");
        String idA = a.driver().startAs(a.lead(), a.channel(), "trust <@" + a.ann() + "> <@" + a.ben() + ">", 2);
        String idB = b.driver().startAs(b.lead(), b.channel(), "trust <@" + b.ann() + "> <@" + b.ben() + ">", 2);
        assertThat(pending(a.id())).isNotEmpty();

        event(a.id(), "{\"type\":\"app_uninstalled\"}");

        await().atMost(WAIT).until(() -> workspaceDoc(a.id()).get("uninstalledAt") != null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(pending(a.id())).containsExactly("workspace.purge"));
        assertThat(db.getCollection("installations").countDocuments(Filters.eq("_id", a.id()))).isZero();
        assertThat(db.getCollection("installations").find().into(new ArrayList<>()).toString())
                .doesNotContain(a.id()).contains(b.id());
        int mark = slack.calls().size();
        advanceInSteps(Duration.ofDays(1), Duration.ofHours(3));
        await().atMost(WAIT).until(() -> posted(b, c -> dm(c, b.ann()) && said(c, REMINDER)).size() == 2);
        assertThat(since(mark)).as("nothing for the uninstalled workspace")
                .noneSatisfy(c -> assertThat(c.token()).isEqualTo(a.token()))
                .noneSatisfy(c -> assertThat(c.params().toString()).contains(a.mark()));

        // Installed again, with a new token: its data is there and it works, on the new token only.
        String newToken = a.token() + "-again";
        HttpResponse<String> again = install(a.id(), a.name(), newToken);
        assertThat(again.body()).contains("Alliance is installed");
        assertThat(workspaceDoc(a.id()).get("uninstalledAt")).isNull();
        assertThat(ackText(a.driver().command(a.lead(), a.channel(), "list"))).contains(idA).doesNotContain(idB);
        String next = a.driver().startAs(a.lead(), a.channel(), "trust <@" + a.ann() + ">", 1);
        assertThat(slack.calls()).filteredOn(c -> newToken.equals(c.token())).isNotEmpty()
                .anySatisfy(c -> assertThat(c.param("channel")).isEqualTo(a.ann()));
        assertThat(since(mark)).noneSatisfy(c -> assertThat(c.token()).isEqualTo(a.token()));
        assertThat(db.getCollection("installations").find(Filters.eq("_id", a.id())).first().toJson())
                .doesNotContain(newToken);
        assertThat(next).isNotEqualTo(idA);

        // Its check-in left open when it went away still closes at its due time, with the digest on the new token.
        assertThat(a.driver().checkIn(idA).getString("status")).isEqualTo("OPEN");
        advanceInSteps(Duration.ofDays(3), Duration.ofHours(6));
        a.driver().awaitStatus(idA, "CLOSED");
        await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").stream().anyMatch(c -> dm(c, a.lead())
                && said(c, idA, CLOSED) && newToken.equals(c.token())));
    }

    @Test
    void aRevokedTokenMarksOnlyItsWorkspaceForReinstallAndIsNotUsedAgain() throws Exception {
        Workspace a = installed("Acme");
        Workspace b = installed("Globex");
        a.driver().startAs(a.lead(), a.channel(), "trust <@" + a.ann() + "> <@" + a.ben() + ">", 2);
        b.driver().startAs(b.lead(), b.channel(), "trust <@" + b.ann() + "> <@" + b.ben() + ">", 2);
        slack.rejectToken(b.token(), "token_revoked");

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        await().atMost(WAIT).until(() -> workspaceDoc(b.id()).get("needsReinstallSince") != null);
        assertThat(workspaceDoc(b.id()).getString("needsReinstallError")).isEqualTo("token_revoked");
        settle();
        long triedWithB = slack.calls().stream().filter(c -> b.token().equals(c.token())).count();
        assertThat(triedWithB).as("the refused calls").isPositive();

        advanceInSteps(Duration.ofDays(1), Duration.ofHours(3));
        await().atMost(WAIT).until(() -> posted(a, c -> dm(c, a.ann()) && said(c, REMINDER)).size() == 2);
        settle();
        assertThat(slack.calls().stream().filter(c -> b.token().equals(c.token())).count())
                .as("no call with the revoked token once it was refused").isEqualTo(triedWithB);
        assertThat(pending(b.id())).as("its waiting work is cancelled").isEmpty();
        assertThat(workspaceDoc(a.id()).get("needsReinstallSince")).isNull();
        assertThat(ackText(a.driver().command(a.lead(), a.channel(), "list"))).contains("Check-ins you lead");
    }

    // ---- helpers ------------------------------------------------------------------------------

    private Workspace installed(String name) throws Exception {
        String id = team();
        HttpResponse<String> page = install(id, name, token(id));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Alliance is installed", name + " (" + id + ")");
        Workspace w = new Workspace(id, name, token(id), new CheckInDriver(slack, requests, db, id));
        for (String person : List.of(w.lead(), w.ann(), w.ben())) {
            slack.addUser(person, person.substring(person.length() - 4).toLowerCase(java.util.Locale.ROOT),
                    "Europe/London");
        }
        return w;
    }

    /** The leader starts a check-in with both, Ann answers, and the leader commits to her for in two days. */
    private String checkInWithAnAnswerAndACommitment(Workspace w) {
        String id = w.driver().startAs(w.lead(), w.channel(), "trust <@" + w.ann() + "> <@" + w.ben() + ">", 2);
        w.driver().answer(w.ann(), id, Map.of("important", "answer of " + w.name(), "openness", "4"));
        LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(2);
        assertThat(w.driver().submitCommitment(w.lead(), id, w.ann(), "promise of " + w.name(), due).statusCode())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> db.getCollection("commitments")
                .countDocuments(Filters.eq("commitment.text", "promise of " + w.name())) == 1);
        return id;
    }

    /**
     * Every call made with a workspace's token names only that workspace's people and conversations,
     * and every call naming them carries its token (or none, as response_url posts do).
     */
    private static void assertEachCallCarriesItsWorkspacesToken(List<Workspace> workspaces) {
        // Workspaces of earlier tests in this context may still finish work of theirs meanwhile; only whose
        // token a call of these workspaces carries, and what a call with their token names, is asserted.
        List<FakeSlack.Call> calls = slack.calls();
        for (Workspace w : workspaces) {
            List<FakeSlack.Call> mine = calls.stream().filter(c -> w.token().equals(c.token())).toList();
            assertThat(mine).as("calls with %s's token", w.name()).extracting(FakeSlack.Call::method)
                    .contains("auth.test", "users.info", "chat.postMessage", "views.publish");
            for (FakeSlack.Call c : calls) {
                String said = c.params() + FakeSlackCalls.said(c);
                boolean namesIt = said.contains(w.mark());
                for (Workspace other : workspaces) {
                    if (other != w && namesIt) {
                        assertThat(said).as("%s %s", c.method(), c.params()).doesNotContain(other.mark());
                    }
                }
                if (namesIt && c.token() != null) {
                    assertThat(c.token()).as("%s naming %s's people", c.method(), w.name()).isEqualTo(w.token());
                }
                if (w.token().equals(c.token())) {
                    workspaces.stream().filter(o -> o != w).forEach(o ->
                            assertThat(said).as("%s with %s's token", c.method(), w.name()).doesNotContain(o.mark()));
                }
            }
        }
    }

    /** Moves the clock by {@code step} until {@code total} has passed, letting the poller run what came due. */
    private void advanceInSteps(Duration total, Duration step) {
        Instant end = clock.instant().plus(total);
        while (clock.instant().isBefore(end)) {
            clock.advance(step);
            await().atMost(WAIT).untilAsserted(() -> assertThat(db.getCollection("jobs").countDocuments(Filters.or(
                    Filters.and(Filters.eq("status", "PENDING"), Filters.lte("dueAt", Date.from(clock.instant()))),
                    Filters.eq("status", "CLAIMED")))).as("jobs due or running at %s", clock.instant()).isZero());
        }
    }

    private List<String> pending(String teamId) {
        return db.getCollection("jobs").find(Filters.and(Filters.eq("teamId", teamId),
                Filters.eq("status", "PENDING"))).map(d -> d.getString("kind")).into(new ArrayList<>());
    }

    private Document workspaceDoc(String teamId) {
        return db.getCollection("workspaces").find(Filters.eq("_id", teamId)).first();
    }

    private static List<FakeSlack.Call> posted(Workspace w, Predicate<FakeSlack.Call> matching) {
        return slack.calls("chat.postMessage").stream().filter(c -> w.token().equals(c.token())).filter(matching)
                .toList();
    }

    private static List<FakeSlack.Call> attempts(Workspace w, int status) {
        return slack.allAttempts("chat.postMessage").stream()
                .filter(c -> w.token().equals(c.token()) && c.status() == status).toList();
    }

    private static FakeSlack.Call published(String userId) {
        return slack.calls("views.publish").stream().filter(c -> userId.equals(c.param("user_id")))
                .reduce((first, last) -> last).orElse(null);
    }

    private static List<FakeSlack.Call> since(int mark) {
        List<FakeSlack.Call> calls = slack.calls();
        return calls.subList(Math.min(mark, calls.size()), calls.size());
    }

    private static boolean dm(FakeSlack.Call c, String userId) {
        String channel = c.param("channel");
        return userId.equals(channel) || ("D" + userId).equals(channel);
    }

    private static boolean said(FakeSlack.Call c, String... pieces) {
        String said = FakeSlackCalls.said(c);
        for (String piece : pieces) {
            if (!said.contains(piece)) {
                return false;
            }
        }
        return true;
    }

    /** The text of a slash command's immediate ephemeral answer. */
    private static String ackText(HttpResponse<String> ack) {
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        return ack.body() == null ? "" : ack.body();
    }

    private static void settle() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a call showed, as Slack reads it. */
    private static final class FakeSlackCalls {
        static String said(FakeSlack.Call c) {
            return c == null ? "" : CheckInDriver.said(c);
        }
    }
}
