package org.alliance.history;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.Acks.ackText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /alliance history} and the History button through the real Bolt app: what the modal
 * shows a leader of one person, and a person of themselves, as each check-in promised.
 */
class HistoryTest extends AllianceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    // People of their own, so check-ins other tests start in the shared database never show up here.
    private static final String HANA = "U0HLEAD";
    private static final String HUGO = "U0HLEADB";
    private static final String ANN = "U0HANN";
    private static final String BEN = "U0HBEN";
    private static final String CAT = "U0HCAT";

    @Autowired
    MongoDatabase db;

    CheckInDriver driver;

    @BeforeEach
    void people() {
        driver = new CheckInDriver(slack, requests, db);
        slack.addUser(HANA, "Hana", "Europe/London").addUser(HUGO, "Hugo", "Europe/Paris")
                .addUser(ANN, "Ann", "Europe/London").addUser(BEN, "Ben", "Europe/London")
                .addUser(CAT, "Cat", "Europe/London");
        db.getCollection("checkins").deleteMany(Filters.in("checkIn.leaderId", HANA, HUGO));
        db.getCollection("responses").deleteMany(Filters.in("response.userId", ANN, BEN, CAT, HANA));
        db.getCollection("commitments").deleteMany(Filters.in("commitment.leaderId", HANA, HUGO));
    }

    @Test
    void theLeaderSeesWhatPassedWithOnePersonNewestFirstAndNothingTheCheckInsDidNotPromise() {
        String leaderOnly = driver.startAs(HANA, "C0TEAM", "development <@U0HANN|ann> <@U0HBEN|ben> <#C0TEAM|team> visibility:leader", 2);
        driver.answer(ANN, leaderOnly, Map.of("aspirations", "Ann wants to lead <people>", "help", "Ann asks for time"));
        driver.answer(BEN, leaderOnly, Map.of("aspirations", "Ben's own plans"));
        String thread = driver.startAs(HANA, "C0TEAM", "trust <@U0HANN|ann> <#C0TEAM|team> visibility:thread", 1);
        skip(ANN, thread, "Ann is on leave <!channel>");
        String anonymous = driver.startAs(HANA, "C0TEAM", "trust <@U0HANN|ann> <@U0HBEN|ben> <#C0TEAM|team> visibility:anonymous", 2);
        driver.answer(ANN, anonymous, Map.of("important", "Ann's anonymous words"));
        String anonymousSkip = driver.startAs(HANA, "C0TEAM", "collaboration <@U0HANN|ann> <@U0HBEN|ben> <#C0TEAM|team> visibility:anonymous", 2);
        skip(ANN, anonymousSkip, "Ann's anonymous reason");

        LocalDate today = LocalDate.now(clock);
        String open = commit(leaderOnly, "Pair with Ann on the roadmap", today.plusDays(3));
        String done = commit(leaderOnly, "Find Ann a mentor", today.plusDays(5));
        driver.click(HANA, "commitment_done", done);
        await().atMost(WAIT).until(() -> "DONE".equals(commitment(done).getString("status")));
        driver.click(ANN, "commitment_helped", done + ":YES");
        await().atMost(WAIT).until(() -> commitment(done).getString("helped") != null);

        int opens = slack.calls("views.open").size();
        int updates = slack.calls("views.update").size();
        assertThat(ackText(driver.command(HANA, "C0TEAM", "history <@U0HANN|ann>"))).as("the modal is the answer")
                .isEmpty();
        assertThat(CheckInDriver.said(awaitOpened(opens))).contains("Looking through your check-ins");
        String shown = CheckInDriver.said(awaitUpdateAfter(updates));

        assertThat(shown).contains("You and <@" + ANN + ">");
        assertThat(order(shown, anonymousSkip, anonymous, thread, leaderOnly)).as("newest first").isTrue();
        assertThat(shown).contains("Ann wants to lead &lt;people&gt;").contains("Ann asks for time")
                .contains("What are your career aspirations?")
                .contains("Ann is on leave &lt;!channel&gt;").doesNotContain("<!channel>")
                .contains("Pair with Ann on the roadmap - open, due")
                .contains("Find Ann a mentor - done").contains("Did it help? *Yes*");
        assertThat(shown).as("anonymous answers and reasons never appear with a name")
                .doesNotContain("Ann's anonymous words").doesNotContain("Ann's anonymous reason")
                .contains("They were asked. Answers and skips in an anonymous check-in are never shown with a name");
        assertThat(shown).as("another participant's answers").doesNotContain("Ben's own plans");
        assertThat(shown).contains("Check-ins 1–4 of 4.").doesNotContain("history_older").doesNotContain("history_newer");
        assertWithinSlackLimits(lastUpdateView());
    }

    @Test
    void yourOwnHistoryShowsYourAnswersFromEveryLeaderAnonymousIncludedAndNobodyElses() {
        String fromHana = driver.startAs(HANA, "C0TEAM", "development <@U0HANN|ann> <@U0HBEN|ben> <#C0TEAM|team> visibility:leader", 2);
        driver.answer(ANN, fromHana, Map.of("aspirations", "Ann to Hana"));
        driver.answer(BEN, fromHana, Map.of("aspirations", "Ben to Hana"));
        String fromHugo = driver.startAs(HUGO, "C0TEAM", "trust <@U0HANN|ann> <@U0HBEN|ben> <#C0TEAM|team> visibility:anonymous", 2);
        driver.answer(ANN, fromHugo, Map.of("important", "Ann to Hugo, anonymously"));
        driver.answer(BEN, fromHugo, Map.of("important", "Ben to Hugo, anonymously"));

        int updates = slack.calls("views.update").size();
        assertThat(ackText(driver.command(ANN, "C0TEAM", "history"))).isEmpty();
        String mine = CheckInDriver.said(awaitUpdateAfter(updates));

        assertThat(mine).contains("Your answers").contains("Ann to Hana").contains("Ann to Hugo, anonymously")
                .contains("Asked by <@" + HANA + ">").contains("Asked by <@" + HUGO + ">")
                .contains("Anonymous: nobody ever saw this with your name");
        assertThat(order(mine, fromHugo, fromHana)).isTrue();
        assertThat(mine).doesNotContain("Ben to Hana").doesNotContain("Ben to Hugo");

        // The anonymous leader asking about Ann sees that she was asked, never what she said.
        updates = slack.calls("views.update").size();
        assertThat(ackText(driver.command(HUGO, "C0TEAM", "history <@U0HANN|ann>"))).isEmpty();
        String hugos = CheckInDriver.said(awaitUpdateAfter(updates));
        assertThat(hugos).contains("`" + fromHugo + "`").doesNotContain("Ann to Hugo").doesNotContain("Ann to Hana")
                .doesNotContain("`" + fromHana + "`");
    }

    @Test
    void theHistoryButtonOpensItAndNewerAndOlderPageThroughTheSameModal() {
        String[] ids = new String[Histories.PAGE_SIZE + 1];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = driver.startAs(HANA, "C0TEAM", "kickoff <@U0HCAT|cat> <#C0TEAM|team>", 1);
        }
        int opens = slack.calls("views.open").size();
        int updates = slack.calls("views.update").size();
        driver.click(HANA, HistoryButton.ACTION_ID, CAT);
        awaitOpened(opens);
        FakeSlack.Call filled = awaitUpdateAfter(updates);
        String viewId = filled.param("view_id");
        String first = CheckInDriver.said(filled);
        for (int i = 1; i < ids.length; i++) {
            assertThat(first).contains("`" + ids[i] + "`");
        }
        assertThat(first).doesNotContain("`" + ids[0] + "`").contains("Check-ins 1–6 of 7.")
                .contains("\"value\":\"1:" + CAT + "\"").doesNotContain("history_newer");

        updates = slack.calls("views.update").size();
        requests.interaction(requests.blockActionInModal(HANA, "history_older", "1:" + CAT, viewId, "history"));
        String second = awaitUpdate(viewId, updates);
        assertThat(second).contains("`" + ids[0] + "`").doesNotContain("`" + ids[1] + "`")
                .contains("Check-ins 7–7 of 7.").contains("\"value\":\"0:" + CAT + "\"").doesNotContain("history_older");

        updates = slack.calls("views.update").size();
        requests.interaction(requests.blockActionInModal(HANA, "history_newer", "0:" + CAT, viewId, "history"));
        assertThat(awaitUpdate(viewId, updates)).contains("`" + ids[6] + "`").doesNotContain("`" + ids[0] + "`");

        // A crafted page click shows the clicker only their own view: Ben never led Cat, so nothing.
        updates = slack.calls("views.update").size();
        requests.interaction(requests.blockActionInModal(BEN, "history_older", "0:" + CAT, "VBEN", "history"));
        String bens = awaitUpdate("VBEN", updates);
        assertThat(bens).contains("Nothing older").doesNotContain("`" + ids[0] + "`").doesNotContain("`" + ids[6] + "`");
    }

    @Test
    void nobodyToShowAndBadInputGetAFriendlyPrivateAnswerInsteadOfAModal() {
        driver.startAs(HANA, "C0TEAM", "kickoff <@U0HANN|ann> <#C0TEAM|team>", 1);
        slack.answer("users.info", p -> "U0HBOT".equals(p.get("user"))
                ? "{\"ok\":true,\"user\":{\"id\":\"U0HBOT\",\"name\":\"helper\",\"is_bot\":true,\"deleted\":false}}"
                : null);
        int opens = slack.calls("views.open").size();

        assertThat(answerTo("history <@U0HCAT|cat>")).contains("You haven't checked in with <@" + CAT + "> yet");
        assertThat(answerTo("history <@U0NOBODY>")).contains("I can't find that person");
        assertThat(answerTo("history <@U0HBOT|helper>")).contains("is a bot");
        assertThat(ackText(driver.command(HANA, "C0TEAM", "history ann"))).contains("I need a person")
                .contains("/alliance history @person");
        assertThat(ackText(driver.command(HANA, "C0TEAM", "history <@U0HANN> <@U0HBEN>")))
                .contains("One person at a time");
        assertThat(ackText(driver.command(HANA, "C0TEAM", "history <!subteam^S0TEAM|@team>"))).contains("not a group");
        assertThat(ackText(driver.command(CAT, "C0TEAM", "history"))).contains("You haven't been asked in any check-in");

        driver.click(HANA, HistoryButton.ACTION_ID, "not-a-user");
        await().atMost(WAIT).until(() -> slack.calls("chat.postEphemeral").stream()
                .anyMatch(c -> HANA.equals(c.param("user")) && c.param("text").contains("couldn't read that button")));
        assertThat(slack.calls("views.open")).as("no empty modal").hasSize(opens);
    }

    // ---- driving ------------------------------------------------------------------------------

    private void skip(String userId, String checkInId, String reason) {
        assertThat(driver.submitSkip(userId, checkInId, reason).statusCode()).isEqualTo(200);
        driver.awaitResponseStatus(checkInId, userId, "SKIPPED");
    }

    private String commit(String checkInId, String text, LocalDate due) {
        assertThat(driver.submitCommitment(HANA, checkInId, ANN, text, due).statusCode()).isEqualTo(200);
        Document stored = await().atMost(WAIT).until(() -> db.getCollection("commitments")
                .find(Filters.eq("commitment.text", text)).first(), d -> d != null);
        return stored.getString("_id");
    }

    private Document commitment(String id) {
        return db.getCollection("commitments").find(Filters.eq("_id", id)).first().get("commitment", Document.class);
    }

    // ---- reading what Slack was told ----------------------------------------------------------

    private static FakeSlack.Call awaitOpened(int before) {
        return await().atMost(WAIT).until(() -> slack.calls("views.open").size() > before
                ? slack.calls("views.open").get(before) : null, c -> c != null);
    }

    /** The first views.update after the first {@code before} ones: the page put into a modal just opened. */
    private static FakeSlack.Call awaitUpdateAfter(int before) {
        return await().atMost(WAIT).until(() -> slack.calls("views.update").size() > before
                ? slack.calls("views.update").get(before) : null, c -> c != null);
    }

    /** The view of the first views.update of {@code viewId} after the first {@code skip} updates, as Slack reads it. */
    private static String awaitUpdate(String viewId, int skip) {
        FakeSlack.Call update = await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> updates = slack.calls("views.update");
            return updates.stream().skip(skip).filter(c -> viewId.equals(c.param("view_id"))).findFirst().orElse(null);
        }, c -> c != null);
        return CheckInDriver.said(update);
    }

    private static JsonObject lastUpdateView() {
        return JsonParser.parseString(slack.lastCall("views.update").orElseThrow().param("view")).getAsJsonObject();
    }

    private static void assertWithinSlackLimits(JsonObject view) {
        JsonArray blocks = view.getAsJsonArray("blocks");
        assertThat(blocks.size()).isLessThanOrEqualTo(100);
        for (JsonElement b : blocks) {
            JsonObject block = b.getAsJsonObject();
            if (block.has("text")) {
                assertThat(block.getAsJsonObject("text").get("text").getAsString().length()).isLessThanOrEqualTo(3000);
            }
        }
    }

    /** Whether the check-in ids appear in this order. */
    private static boolean order(String shown, String... checkInIds) {
        int at = -1;
        for (String id : checkInIds) {
            int next = shown.indexOf("`" + id + "`");
            if (next <= at) {
                return false;
            }
            at = next;
        }
        return true;
    }

    /** Sends {@code /alliance <text>} as Hana; the ack is empty and the answer comes through response_url. */
    private String answerTo(String text) {
        int before = slack.calls("respond").size();
        HttpResponse<String> ack = driver.command(HANA, "C0TEAM", text);
        assertThat(ackText(ack)).isEmpty();
        return await().atMost(WAIT).until(() -> slack.calls("respond").size() > before
                ? slack.calls("respond").get(before).param("text") : null, t -> t != null);
    }

}
