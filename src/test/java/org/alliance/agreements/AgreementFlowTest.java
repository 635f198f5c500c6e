package org.alliance.agreements;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.model.Filters;
import org.alliance.checkin.AnswerButtons;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.ScheduledAppTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.Acks.viewErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alliance agreement through the whole application: a check-in answered, the leader's
 * "Make an agreement" form, the person's Confirm and Suggest a change, the leader's Revise, History
 * and its versions, and the review on the movable clock. Each test has people of its own, so the
 * shared database never mixes their agreements.
 */
class AgreementFlowTest extends ScheduledAppTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern STARTED = Pattern.compile("Check-in `([A-Z0-9]{6})` started");
    private static final Map<String, String> ANSWERS = new LinkedHashMap<>(Map.of(
            "important", "Learning new things", "managed", "Room to decide <!channel>",
            "feedback", "In private,\nsoon after", "openness", "4"));

    @Test
    void theLeaderTurnsAnswersIntoAnAgreementThePersonConfirmsOnceAndHistoryShowsIt() {
        String lead = "U0AG1LEAD";
        String mem = "U0AG1MEM";
        String checkIn = answeredCheckIn(lead, mem);

        JsonObject form = openForm(lead, checkIn + ":" + mem);
        String said = CheckInDriver.said(slack.lastCall("views.open").orElseThrow());
        assertThat(form.get("callback_id").getAsString()).isEqualTo("agreement_submit");
        assertThat(said).contains("How we work together").contains("Only you and <@" + mem + "> will see this agreement.");
        assertThat(initialValue(form)).isEqualTo("What is important for you in your work?: Learning new things\n"
                + "How do you like to be managed?: Room to decide <!channel>\n"
                + "How do you like to receive feedback?: In private, soon after\n"
                + "How comfortable do you feel raising a concern with me? (1 = not at all, 5 = completely): 4 / 5");

        // Too long a point is sent back under the field, and nothing goes to the person.
        assertThat(viewErrors(submitPoints(lead, mem, checkIn, "Fine\n" + "x".repeat(301)))
                .get("agreement_points").getAsString()).contains("Point 2").contains("300");

        assertThat(submitPoints(lead, mem, checkIn, "- Weekly 1:1 <!here>\n• Tell me early about blockers")
                .statusCode()).isEqualTo(200);
        FakeSlack.Call proposal = awaitDm(mem, "wrote down how you work together (version 1)");
        String shown = CheckInDriver.said(proposal);
        assertThat(shown).contains("• Weekly 1:1 &lt;!here&gt;").doesNotContain("<!here>")
                .contains("• Tell me early about blockers").contains("Only you and <@" + lead + "> see this agreement.");
        assertThat(buttons(proposal)).containsExactly("agreement_confirm=" + lead + ":" + mem + ":1",
                "agreement_suggest_open=" + lead + ":" + mem + ":1");
        awaitDm(lead, "I sent version 1");

        // Double Confirm, both clicks at once: confirmed once, the leader told once.
        List<CompletableFuture<HttpResponse<String>>> clicks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> click(mem, "agreement_confirm", lead + ":" + mem + ":1")));
        }
        clicks.forEach(c -> assertThat(c.join().statusCode()).isEqualTo(200));
        awaitDm(lead, "confirmed how you work together (version 1)");
        awaitEphemeral(mem, "You already confirmed this version");
        FakeSlack.Call updated = await().atMost(WAIT).until(() -> slack.calls("chat.update").stream()
                .filter(c -> ("D" + mem).equals(c.param("channel")))
                .filter(c -> CheckInDriver.said(c).contains("You confirmed how you and <@" + lead + "> work together"))
                .findFirst().orElse(null), c -> c != null);
        assertThat(buttons(updated)).isEmpty();
        assertThat(dmsTo(lead, "confirmed how you work together")).hasSize(1);
        Document version = versions(lead, mem).get(0);
        assertThat(version.getString("status")).isEqualTo("CONFIRMED");
        assertThat(version.getDate("confirmedAt").toInstant()).isEqualTo(START);

        // History: the leader's view of the person, and the person's own.
        String leaderHistory = history(lead, "history <@" + mem + ">");
        assertThat(leaderHistory).contains("*How we work together* with <@" + mem + "> · version 1, confirmed")
                .contains("• Tell me early about blockers").contains("agreement_versions");
        String ownHistory = history(mem, "history");
        assertThat(ownHistory).contains("*How we work together* with <@" + lead + ">").contains("• Weekly 1:1");
    }

    @Test
    void aSuggestionGoesToTheLeaderWhoRevisesAndTheNewVersionShowsWhatChanged() {
        String lead = "U0AG2LEAD";
        String mem = "U0AG2MEM";
        String checkIn = answeredCheckIn(lead, mem);
        openForm(lead, checkIn + ":" + mem);
        submitPoints(lead, mem, checkIn, "Weekly 1:1\nTell me early about blockers");
        awaitDm(mem, "(version 1)");
        click(mem, "agreement_confirm", lead + ":" + mem + ":1");
        awaitDm(lead, "confirmed how you work together (version 1)");

        // With an agreement in place the form starts from it, and shows the answers beside it.
        JsonObject again = openForm(lead, checkIn + ":" + mem);
        assertThat(initialValue(again)).isEqualTo("Weekly 1:1\nTell me early about blockers");
        assertThat(CheckInDriver.said(slack.lastCall("views.open").orElseThrow())).contains("Learning new things");
        submitPoints(lead, mem, checkIn, "Weekly 1:1\nTell me early about blockers\nReview goals monthly");
        FakeSlack.Call v2 = awaitDm(mem, "(version 2)");
        assertThat(CheckInDriver.said(v2)).contains("What's different from the version confirmed on")
                .contains("+ Review goals monthly");

        int opens = slack.calls("views.open").size();
        click(mem, "agreement_suggest_open", lead + ":" + mem + ":2");
        await().atMost(WAIT).until(() -> slack.calls("views.open").size() > opens);
        JsonObject suggest = view(slack.lastCall("views.open").orElseThrow());
        assertThat(suggest.get("callback_id").getAsString()).isEqualTo("agreement_suggest");
        assertThat(CheckInDriver.said(slack.lastCall("views.open").orElseThrow()))
                .contains("Only <@" + lead + "> will see your suggestion");
        requests.interaction(requests.viewSubmission(mem, "agreement_suggest", lead + ":" + mem + ":2",
                values("agreement_suggestion", "Every two weeks is enough <@U0EVE>")));
        FakeSlack.Call suggestion = awaitDm(lead, "suggests a change to your agreement");
        assertThat(CheckInDriver.said(suggestion)).contains("&lt;@U0EVE&gt;").contains("Only you and <@" + mem + ">");
        assertThat(buttons(suggestion)).containsExactly("agreement_revise=" + lead + ":" + mem + ":2");
        awaitDm(mem, "I passed your suggestion to <@" + lead + ">");

        JsonObject revise = openFormBy(lead, "agreement_revise", lead + ":" + mem + ":2");
        assertThat(initialValue(revise)).isEqualTo("Weekly 1:1\nTell me early about blockers\nReview goals monthly");
        assertThat(CheckInDriver.said(slack.lastCall("views.open").orElseThrow())).contains("Every two weeks is enough");
        assertThat(revise.get("private_metadata").getAsString()).isEqualTo(mem + "|");
        requests.interaction(requests.viewSubmission(lead, "agreement_submit", mem + "|",
                values("agreement_points", "Fortnightly 1:1\nTell me early about blockers\nReview goals monthly")));
        FakeSlack.Call v3 = awaitDm(mem, "(version 3)");
        assertThat(CheckInDriver.said(v3)).contains("\u2212 Weekly 1:1").contains("+ Fortnightly 1:1")
                .contains("+ Review goals monthly");

        click(mem, "agreement_confirm", lead + ":" + mem + ":2");
        awaitEphemeral(mem, "This version was replaced");
        click(mem, "agreement_confirm", lead + ":" + mem + ":3");
        awaitDm(lead, "confirmed how you work together (version 3)");

        // Earlier versions, one click away in History, for the two of them only.
        int pushes = slack.calls("views.push").size();
        requests.interaction(requests.blockActionInModal(lead, "agreement_versions", lead + ":" + mem + ":0",
                "V0HIST", "history"));
        await().atMost(WAIT).until(() -> slack.calls("views.push").size() > pushes);
        String versions = CheckInDriver.said(slack.lastCall("views.push").orElseThrow());
        assertThat(versions).contains("*Version 3* · current, confirmed").contains("*Version 1* · confirmed")
                .contains("+ Fortnightly 1:1").contains("\u2212 Weekly 1:1").doesNotContain("*Version 2*");
        requests.interaction(requests.blockActionInModal("U0AG2EVE", "agreement_versions", lead + ":" + mem + ":0",
                "V0HIST2", "history"));
        // Inside a modal there is no channel to answer in: the refusal goes to their own DM.
        awaitDm("U0AG2EVE", "isn't yours");
        assertThat(slack.calls("views.push")).hasSize(pushes + 1);
    }

    @Test
    void someoneElseCanNeitherOpenNorConfirmNorSuggest() {
        String lead = "U0AG3LEAD";
        String mem = "U0AG3MEM";
        String eve = "U0AG3EVE";
        String checkIn = answeredCheckIn(lead, mem);
        int opens = slack.calls("views.open").size();

        click(eve, AnswerButtons.AGREEMENT, checkIn + ":" + mem);
        awaitEphemeral(eve, "Only the leader of that check-in can make an agreement");
        click(mem, AnswerButtons.AGREEMENT, checkIn + ":" + mem);
        awaitEphemeral(mem, "Only the leader of that check-in can make an agreement");
        // A forged submission is refused too, and stores nothing.
        assertThat(viewErrors(submitPoints(eve, mem, checkIn, "Mine now")).get("agreement_points").getAsString())
                .contains("Only the leader");
        assertThat(slack.calls("views.open")).hasSize(opens);

        openForm(lead, checkIn + ":" + mem);
        submitPoints(lead, mem, checkIn, "Weekly 1:1");
        awaitDm(mem, "(version 1)");
        click(eve, "agreement_confirm", lead + ":" + mem + ":1");
        awaitEphemeral(eve, "isn't yours");
        click(lead, "agreement_confirm", lead + ":" + mem + ":1");
        awaitEphemeral(lead, "Only <@" + mem + "> can answer this agreement");
        click(eve, "agreement_suggest_open", lead + ":" + mem + ":1");
        awaitEphemeral(eve, "isn't yours");
        assertThat(versions(lead, mem).get(0).getString("status")).isEqualTo("PROPOSED");
        assertThat(slack.calls("chat.postMessage")).noneMatch(c -> eve.equals(c.param("channel")));
    }

    @Test
    void afterReviewEveryBothAreAskedWhetherItStillHoldsInTheirWorkingHours() {
        String lead = "U0AG4LEAD";
        String mem = "U0AG4MEM";
        String checkIn = answeredCheckIn(lead, mem);
        openForm(lead, checkIn + ":" + mem);
        submitPoints(lead, mem, checkIn, "Weekly 1:1");
        awaitDm(mem, "(version 1)");
        click(mem, "agreement_confirm", lead + ":" + mem + ":1");
        awaitDm(lead, "confirmed how you work together (version 1)");
        await().atMost(WAIT).until(() -> db.getCollection("jobs").countDocuments(
                Filters.eq("kind", "agreement.review")) == 2);

        advance(Duration.ofDays(89));
        assertThat(reviewsTo(lead)).isEmpty();
        // 90 days on is Sunday 28 Feb 2027: both are asked on Monday morning, at nine in London.
        setClock(Instant.parse("2027-02-28T10:01:00Z"));
        assertThat(reviewsTo(lead)).isEmpty();
        setClock(Instant.parse("2027-03-01T09:01:00Z"));
        List<FakeSlack.Call> asked = await().atMost(WAIT).until(() -> reviewsTo(lead), l -> l.size() == 1);
        assertThat(reviewsTo(mem)).hasSize(1);
        assertThat(CheckInDriver.said(reviewsTo(mem).get(0))).contains("Only you and <@" + lead + "> see this agreement")
                .contains("• Weekly 1:1");
        long reviewAt = Instant.parse("2026-11-30T10:00:00Z").plus(Duration.ofDays(90)).getEpochSecond();
        assertThat(buttons(asked.get(0))).containsExactly(
                "agreement_still_holds=" + lead + ":" + mem + ":" + reviewAt,
                "agreement_lets_revise=" + lead + ":" + mem + ":" + reviewAt);

        click(mem, "agreement_still_holds", lead + ":" + mem + ":" + reviewAt);
        awaitDm(lead, "says your agreement still holds");
        click(mem, "agreement_still_holds", lead + ":" + mem + ":" + reviewAt);
        awaitEphemeral(mem, "already been answered");
        await().atMost(WAIT).until(() -> db.getCollection("jobs").countDocuments(Filters.and(
                Filters.eq("kind", "agreement.review"), Filters.eq("status", "PENDING"))) == 2);

        JsonObject form = openFormBy(lead, "agreement_lets_revise", lead + ":" + mem + ":" + reviewAt);
        assertThat(initialValue(form)).isEqualTo("Weekly 1:1");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A leader-only check-in with one person, who answered it. */
    private String answeredCheckIn(String lead, String mem) {
        slack.addUser(lead, "Leader " + lead, "Europe/London");
        slack.addUser(mem, "Person " + mem, "Europe/London");
        int before = slack.calls("respond").size();
        driver.command(lead, "C0TEAM", "start trust <@" + mem + ">");
        String reply = await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> responds = slack.calls("respond");
            return responds.size() > before ? responds.get(responds.size() - 1).param("text") : null;
        }, t -> t != null);
        Matcher m = STARTED.matcher(reply);
        assertThat(m.find()).as("started reply: %s", reply).isTrue();
        String id = m.group(1);
        await().atMost(WAIT).until(() -> driver.invited(id) == 1);
        assertThat(driver.submitAnswers(mem, id, ANSWERS).statusCode()).isEqualTo(200);
        driver.awaitResponseStatus(id, mem, "ANSWERED");
        return id;
    }

    private JsonObject openForm(String lead, String responseId) {
        return openFormBy(lead, AnswerButtons.AGREEMENT, responseId);
    }

    private JsonObject openFormBy(String userId, String actionId, String value) {
        int opens = slack.calls("views.open").size();
        assertThat(click(userId, actionId, value).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> slack.calls("views.open").size() > opens);
        return view(slack.lastCall("views.open").orElseThrow());
    }

    private HttpResponse<String> submitPoints(String userId, String memberId, String checkInId, String text) {
        return requests.interaction(requests.viewSubmission(userId, "agreement_submit", memberId + "|" + checkInId,
                values("agreement_points", text)));
    }

    private HttpResponse<String> click(String userId, String actionId, String value) {
        return requests.interaction(requests.blockAction(userId, actionId, value, "D" + userId, "1.0"));
    }

    private String history(String userId, String command) {
        int updates = slack.calls("views.update").size();
        driver.command(userId, "D" + userId, command);
        await().atMost(WAIT).until(() -> slack.calls("views.update").size() > updates);
        return CheckInDriver.said(slack.lastCall("views.update").orElseThrow());
    }

    private List<Document> versions(String lead, String mem) {
        Document doc = db.getCollection("agreements").find(Filters.eq("_id", "T0001:" + lead + ":" + mem)).first();
        assertThat(doc).isNotNull();
        return doc.get("agreement", Document.class).getList("versions", Document.class);
    }

    private static String values(String block, String text) {
        JsonObject value = new JsonObject();
        value.addProperty("type", "plain_text_input");
        value.addProperty("value", text);
        JsonObject action = new JsonObject();
        action.add("text", value);
        JsonObject values = new JsonObject();
        values.add(block, action);
        return values.toString();
    }

    private static JsonObject view(FakeSlack.Call call) {
        return JsonParser.parseString(call.param("view")).getAsJsonObject();
    }

    private static String initialValue(JsonObject view) {
        for (JsonElement b : view.getAsJsonArray("blocks")) {
            JsonObject block = b.getAsJsonObject();
            if ("agreement_points".equals(block.has("block_id") ? block.get("block_id").getAsString() : null)) {
                return block.getAsJsonObject("element").get("initial_value").getAsString();
            }
        }
        throw new AssertionError("no points input in " + view);
    }

    private static FakeSlack.Call awaitDm(String userId, String saying) {
        return await().atMost(WAIT).until(() -> dmsTo(userId, saying).stream().reduce((a, b) -> b).orElse(null),
                c -> c != null);
    }

    private static List<FakeSlack.Call> dmsTo(String userId, String saying) {
        return slack.calls("chat.postMessage").stream().filter(c -> userId.equals(c.param("channel")))
                .filter(c -> CheckInDriver.said(c).contains(saying)).toList();
    }

    private static List<FakeSlack.Call> reviewsTo(String userId) {
        return dmsTo(userId, "Does it still hold?");
    }

    private static void awaitEphemeral(String userId, String saying) {
        Predicate<FakeSlack.Call> match = c -> userId.equals(c.param("user")) && c.param("text").contains(saying);
        await().atMost(WAIT).until(() -> slack.calls("chat.postEphemeral").stream().anyMatch(match));
    }

    /** The message's buttons in order, as {@code action_id=value}. */
    private static List<String> buttons(FakeSlack.Call call) {
        List<String> buttons = new ArrayList<>();
        if (call.param("blocks") == null) {
            return buttons;
        }
        for (JsonElement block : JsonParser.parseString(call.param("blocks")).getAsJsonArray()) {
            JsonObject b = block.getAsJsonObject();
            if ("actions".equals(b.get("type").getAsString())) {
                for (JsonElement e : b.getAsJsonArray("elements")) {
                    JsonObject button = e.getAsJsonObject();
                    buttons.add(button.get("action_id").getAsString() + "=" + button.get("value").getAsString());
                }
            }
        }
        return buttons;
    }

    private void advance(Duration by) {
        clock.advance(by);
        awaitNothingDue();
    }

    private void setClock(Instant at) {
        clock.set(at);
        awaitNothingDue();
    }

    private void awaitNothingDue() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(db.getCollection("jobs").countDocuments(Filters.or(
                Filters.and(Filters.eq("status", "PENDING"), Filters.lte("dueAt", Date.from(clock.instant()))),
                Filters.eq("status", "CLAIMED")))).as("jobs due or running at %s", clock.instant()).isZero());
    }
}
