package org.alliance.questions;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.QuestionSetForm;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.Acks.viewErrors;
import static org.alliance.support.Acks.ackJson;
import static org.alliance.support.Acks.ackText;
import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Saving, using, changing and deleting question sets, through the real Bolt app against the fake Slack. */
class SavedQuestionSetsTest extends AllianceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String BOB = "U0BOB";
    private static final String QUESTIONS = "What went well this quarter?\n[scale] How sustainable is your workload?";

    @Autowired
    MongoDatabase db;

    CheckInDriver driver;

    @BeforeEach
    void driver() {
        driver = new CheckInDriver(slack, requests, db);
    }

    // ---- saving ---------------------------------------------------------------------------------

    @Test
    void newOpensTheFormAndSubmittingItSavesTheSetForTheWorkspace() {
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "templates new"))).isEmpty();
        FakeSlack.Call opened = awaitCall("views.open", c -> c.param("view").contains(QuestionSetForm.CALLBACK_ID));
        JsonObject view = JsonParser.parseString(opened.param("view")).getAsJsonObject();
        assertThat(view.get("private_metadata").getAsString()).isEqualTo("C0TEAM|");

        String key = newKey();
        HttpResponse<String> ack = QuestionSetForm.submit(requests, LEADER, QuestionSetForm.metadata("C0TEAM", null),
                QuestionSetForm.state(key.toUpperCase(), "Quarterly review", "Look back on the quarter.", QUESTIONS));

        assertThat(ackJson(ack).has("response_action")).as("ack: %s", ack.body()).isFalse();
        Document stored = stored(key);
        assertThat(stored.getString("teamId")).isEqualTo(FakeSlack.TEAM_ID);
        assertThat(stored.getString("key")).isEqualTo(key);
        assertThat(stored.getString("title")).isEqualTo("Quarterly review");
        assertThat(stored.getString("objective")).isEqualTo("Look back on the quarter.");
        assertThat(stored.getString("createdBy")).isEqualTo(LEADER);
        assertThat(stored.getList("questions", Document.class)).extracting(q -> q.getString("kind"))
                .containsExactly("TEXT", "SCALE");
        FakeSlack.Call confirmed = awaitCall("chat.postEphemeral", c -> LEADER.equals(c.param("user"))
                && c.param("text").contains("`" + key + "`"));
        assertThat(confirmed.param("channel")).isEqualTo("C0TEAM");
        assertThat(confirmed.param("text")).contains("Saved *Quarterly review*").contains("2 questions")
                .contains("/alliance start " + key + " @person");
    }

    @Test
    void aBadKeyIsShownOnTheKeyField() {
        JsonObject errors = viewErrors(save(LEADER, "Q 1!", "Title", "Why", QUESTIONS));

        assertThat(errors.keySet()).containsExactly("set_key");
        assertThat(errors.get("set_key").getAsString()).contains("lower-case letters, digits and dashes");
    }

    @Test
    void aBuiltInPurposeCantBeTakenAndKeepsItsQuestions() {
        JsonObject errors = viewErrors(save(LEADER, "trust", "My trust", "Why", "Replaced?"));

        assertThat(errors.get("set_key").getAsString()).contains("built-in purpose");
        assertThat(stored("trust").getString("title")).isEqualTo("Building trust");
        assertThat(stored("trust").getString("createdBy")).isNull();
    }

    @Test
    void aKeyTakenInTheWorkspaceIsRefusedAndTheFirstSetStays() {
        String key = newKey();
        assertThat(ackJson(save(LEADER, key, "First", "Why", QUESTIONS)).has("response_action")).isFalse();

        JsonObject errors = viewErrors(save(BOB, key, "Second", "Why", "Other?"));

        assertThat(errors.get("set_key").getAsString()).contains("already has a question set with the key \""
                + key + "\"");
        assertThat(stored(key).getString("title")).isEqualTo("First");
        assertThat(stored(key).getString("createdBy")).isEqualTo(LEADER);
    }

    @Test
    void aSetWithoutQuestionsOrWithTooLongTextIsSentBack() {
        String key = newKey();
        JsonObject noQuestions = viewErrors(save(LEADER, key, "Title", "Why", "\n  \n"));
        assertThat(noQuestions.keySet()).containsExactly("set_questions");
        assertThat(noQuestions.get("set_questions").getAsString()).contains("at least one question");

        JsonObject tooLong = viewErrors(save(LEADER, key, "Title", "w".repeat(501), "Fine?\n" + "q".repeat(260)));
        assertThat(tooLong.get("set_objective").getAsString()).contains("500 characters");
        assertThat(tooLong.get("set_questions").getAsString()).contains("question 2").contains("250 characters");
        assertThat(db.getCollection("question_sets").countDocuments(Filters.eq("key", key))).isZero();
    }

    // ---- using ----------------------------------------------------------------------------------

    @Test
    void aSavedSetStartsCheckInsByTheQuickPathAMentionAndTheStartForm() {
        String key = saved(LEADER, "Quarterly review");

        String id = driver.start(key + " <@U0ALICE>", 1);
        Document checkIn = driver.checkIn(id);
        assertThat(checkIn.getString("purpose")).isEqualTo(key);
        assertThat(checkIn.getString("title")).isEqualTo("Quarterly review");
        assertThat(checkIn.getString("objective")).isEqualTo("Why we ask.");
        assertThat(checkIn.getList("questions", Document.class)).extracting(q -> q.getString("text"))
                .containsExactly("What went well this quarter?", "How sustainable is your workload?");

        // Someone else in the workspace, by mention.
        assertThat(requests.event(requests.appMention(BOB, "C0TEAM", "start " + key + " <@U0CAROL>", null))
                .statusCode()).isEqualTo(200);
        Document bobs = await().atMost(WAIT).until(() -> db.getCollection("checkins").find(Filters.and(
                Filters.eq("checkIn.purpose", key), Filters.eq("checkIn.leaderId", BOB))).first(), d -> d != null);
        assertThat(bobs.get("checkIn", Document.class).getList("participants", String.class))
                .containsExactly("U0CAROL");

        // The start form lists it after the built-in purposes, before Your own questions.
        driver.command(BOB, "C0TEAM", "start");
        FakeSlack.Call opened = awaitCall("views.open", c -> c.param("view").contains("checkin_start_submit"));
        List<String> purposes = purposeOptions(opened.param("view"));
        assertThat(purposes.subList(0, 6))
                .containsExactly("development", "trust", "collaboration", "change", "performance", "kickoff");
        assertThat(purposes).contains(key).endsWith("custom");
    }

    @Test
    void everyoneSeesSavedSetsInTheListingWithWhoSavedThem() {
        String key = saved(LEADER, "Retro <!channel>");

        String text = ackText(driver.command(BOB, "C0TEAM", "templates"));

        assertThat(text).contains("`trust`").contains("*Saved question sets*")
                .contains("*Retro &lt;!channel&gt;*  `" + key + "`  saved by <@" + LEADER + ">")
                .contains("What went well this quarter?").contains("How sustainable is your workload? _(1-5)_")
                .doesNotContain("<!channel>");
        assertThat(text.indexOf("`kickoff`")).isLessThan(text.indexOf("`" + key + "`"));
        assertThat(ackText(driver.command(BOB, "C0TEAM", "templates " + key)))
                .startsWith("*Retro &lt;!channel&gt;*  `" + key + "`");
    }

    // ---- changing -------------------------------------------------------------------------------

    @Test
    void theOwnerEditsTheSetAndACheckInAlreadyStartedKeepsItsQuestions() {
        String key = saved(LEADER, "Quarterly review");
        String before = driver.start(key + " <@U0ALICE>", 1);

        assertThat(ackText(driver.command(LEADER, "C0TEAM", "templates edit " + key))).isEmpty();
        FakeSlack.Call opened = awaitCall("views.open", c -> c.param("view").contains("C0TEAM|" + key));
        assertThat(CheckInDriver.said(opened)).contains("Edit question set").contains("Quarterly review")
                .contains("[scale] How sustainable is your workload?");

        HttpResponse<String> ack = QuestionSetForm.submit(requests, LEADER, QuestionSetForm.metadata("C0TEAM", key),
                QuestionSetForm.state(null, "Half-year review", "Look back on half a year.",
                        "What surprised you?\nWhat should we stop?\n[scale] How energised are you?"));
        assertThat(ackJson(ack).has("response_action")).as("ack: %s", ack.body()).isFalse();

        Document stored = stored(key);
        assertThat(stored.getString("title")).isEqualTo("Half-year review");
        assertThat(stored.getList("questions", Document.class)).hasSize(3);
        assertThat(stored.get("createdAt")).isNotNull();
        awaitCall("chat.postEphemeral", c -> c.param("text").contains("Updated *Half-year review*"));

        // The check-in that had started still asks, and takes answers to, the questions it started with.
        assertThat(driver.checkIn(before).getList("questions", Document.class)).extracting(q -> q.getString("text"))
                .containsExactly("What went well this quarter?", "How sustainable is your workload?");
        driver.submitAnswers("U0ALICE", before, Map.of("q1", "Shipping the beta", "q2", "4"));
        driver.awaitResponseStatus(before, "U0ALICE", "ANSWERED");

        String after = driver.start(key + " <@U0BOB>", 1);
        assertThat(driver.checkIn(after).getString("title")).isEqualTo("Half-year review");
        assertThat(driver.checkIn(after).getList("questions", Document.class)).extracting(q -> q.getString("text"))
                .containsExactly("What surprised you?", "What should we stop?", "How energised are you?");
    }

    @Test
    void othersCanUseButNotEditOrDeleteASet() {
        String key = saved(LEADER, "Leader's set");
        int opens = slack.calls("views.open").size();

        assertThat(ackText(driver.command(BOB, "C0TEAM", "templates edit " + key)))
                .contains("Only <@" + LEADER + ">, who saved *Leader's set* (`" + key + "`), can change it");
        assertThat(ackText(driver.command(BOB, "C0TEAM", "templates delete " + key)))
                .contains("Only <@" + LEADER + ">").contains("can delete it");
        assertThat(slack.calls("views.open")).hasSize(opens);

        // Even a form sent without opening it (a stale or forged one) changes nothing.
        JsonObject errors = viewErrors(QuestionSetForm.submit(requests, BOB, QuestionSetForm.metadata("C0TEAM", key),
                QuestionSetForm.state(null, "Bob's now", "Why", "Mine?")));
        assertThat(errors.get("set_title").getAsString()).contains("isn't yours");
        assertThat(stored(key).getString("title")).isEqualTo("Leader's set");

        assertThat(ackText(driver.command(LEADER, "C0TEAM", "templates edit trust"))).contains("built-in purpose");
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "templates delete nosuch-set")))
                .contains("no saved question set `nosuch-set`");
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "templates delete"))).contains("Which question set?");
    }

    @Test
    void theOwnerDeletesTheSetAndItCanNoLongerStartCheckIns() {
        String key = saved(LEADER, "Short-lived");

        String reply = ackText(driver.command(LEADER, "C0TEAM", "templates delete " + key));

        assertThat(reply).contains("Deleted *Short-lived* (`" + key + "`)")
                .contains("1. What went well this quarter?").contains("Recurring check-ins using");
        assertThat(db.getCollection("question_sets").find(Filters.eq("_id", "T0001:" + key)).first()).isNull();
        assertThat(ackText(driver.command(LEADER, "C0TEAM", "templates"))).doesNotContain("`" + key + "`");

        driver.command(LEADER, "C0TEAM", "start " + key + " <@U0ALICE>");
        assertThat(driver.lastRespondText()).contains("I don't know the purpose `" + key + "`");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String newKey() {
        return "qs-" + Long.toString(System.nanoTime(), 36);
    }

    /** Saves a set with {@link #QUESTIONS} as {@code userId} and returns its key. */
    private String saved(String userId, String title) {
        String key = newKey();
        HttpResponse<String> ack = save(userId, key, title, "Why we ask.", QUESTIONS);
        assertThat(ackJson(ack).has("response_action")).as("ack: %s", ack.body()).isFalse();
        return key;
    }

    private HttpResponse<String> save(String userId, String key, String title, String objective, String questions) {
        return QuestionSetForm.submit(requests, userId, QuestionSetForm.metadata("C0TEAM", null),
                QuestionSetForm.state(key, title, objective, questions));
    }

    private Document stored(String key) {
        Document doc = db.getCollection("question_sets").find(Filters.eq("_id", "T0001:" + key)).first();
        assertThat(doc).as("question set %s", key).isNotNull();
        return doc;
    }

    private static List<String> purposeOptions(String viewJson) {
        JsonObject view = JsonParser.parseString(viewJson).getAsJsonObject();
        for (JsonElement b : view.getAsJsonArray("blocks")) {
            JsonObject block = b.getAsJsonObject();
            if ("purpose".equals(block.get("block_id").getAsString())) {
                return block.getAsJsonObject("element").getAsJsonArray("options").asList().stream()
                        .map(o -> o.getAsJsonObject().get("value").getAsString()).toList();
            }
        }
        throw new AssertionError("no purpose select in " + viewJson);
    }

    private static FakeSlack.Call awaitCall(String method, Predicate<FakeSlack.Call> matching) {
        return await().atMost(WAIT).until(() -> slack.calls(method).stream().filter(matching).findFirst()
                .orElse(null), c -> c != null);
    }

}
