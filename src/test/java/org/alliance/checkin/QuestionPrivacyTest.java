package org.alliance.checkin;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.QuestionSetForm;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.Acks.ackJson;
import static org.alliance.support.Acks.ackText;
import static org.alliance.support.CheckInDriver.said;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A saved set with anonymous questions, used in a leader-only and a thread check-in, through the real
 * Bolt app against the fake Slack: everything Slack is asked to show is read back, and no answer to an
 * anonymous question ever sits next to its author's name or id, nor moves anything the leader sees.
 */
class QuestionPrivacyTest extends AllianceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LOCK = "\uD83D\uDD12";
    // People of their own, so what other tests start in the shared database never shows up here.
    private static final String LEAD = "U0PQLEAD";
    private static final String ANN = "U0PQANN";
    private static final String BEN = "U0PQBEN";
    private static final String CAT = "U0PQCAT";
    private static final Map<String, String> NAMES = Map.of(ANN, "Quinn", BEN, "Rory", CAT, "Sasha");
    private static final String QUESTIONS = "What went well?\n[anonymous] What would you change about how I lead?\n"
            + "[anonymous] [scale] How safe do you feel speaking up?";

    @Autowired
    MongoDatabase db;

    CheckInDriver driver;

    @BeforeEach
    void people() {
        driver = new CheckInDriver(slack, requests, db);
        slack.addUser(LEAD, "Lee Quest", "Europe/London");
        NAMES.forEach((id, name) -> slack.addUser(id, name, "Europe/London"));
    }

    @Test
    void anonymousQuestionsInALeaderCheckInReachTheLeaderOnlyWithoutNamesAndOnlyAtTheEnd() throws IOException {
        String key = savedSet();
        Document stored = db.getCollection("question_sets").find(Filters.eq("key", key)).first();
        assertThat(stored.getList("questions", Document.class)).extracting(q -> q.getBoolean("anonymous"))
                .containsExactly(false, true, true);
        assertThat(ackText(driver.command(LEAD, "C0TEAM", "templates " + key)))
                .contains("2. What would you change about how I lead? :lock: _anonymous")
                .contains("3. How safe do you feel speaking up? _(1-5)_ :lock: _anonymous");

        String id = driver.startAs(LEAD, "C0TEAM", key + " <@" + ANN + "> <@" + BEN + "> <@" + CAT + "> visibility:leader", 3);
        assertThat(driver.checkIn(id).getList("questions", Document.class))
                .extracting(q -> q.getBoolean("anonymous")).as("the flag travels into the check-in")
                .containsExactly(false, true, true);

        // Before anyone answers, each is told which answers are anonymous: DM, form and thread question.
        String invitation = said(awaitCall("chat.postMessage", c -> ANN.equals(c.param("channel"))));
        assertThat(invitation).contains("Except for these 2 questions, which are anonymous")
                .contains(LOCK + " What would you change about how I lead?")
                .contains("never shown with your name, not even to <@" + LEAD + ">");
        int opens = slack.calls("views.open").size();
        driver.click(ANN, "checkin_answer", id);
        String form = said(await().atMost(WAIT).until(() -> slack.calls("views.open").size() > opens
                ? slack.calls("views.open").get(opens) : null, c -> c != null));
        assertThat(form).contains(LOCK + " What would you change about how I lead?")
                .contains(LOCK + " Anonymous: shown without your name, only in a summary once 3 people have answered it.");

        // Ann answers; her named answer reaches the leader, the anonymous ones don't.
        driver.answer(ANN, id, Map.of("q1", "qa-well", "q2", "qa-secret-1", "q3", "2"));
        String annShared = said(awaitLeaderPost(c -> said(c).contains("qa-well")));
        assertThat(annShared).contains("<@" + ANN + ">").doesNotContain("qa-secret").doesNotContain("2 / 5")
                .doesNotContain("What would you change");

        // Ann changes only an anonymous answer: her DM shows it, nothing the leader sees moves.
        int beforeEdit = slack.calls().size();
        driver.answer(ANN, id, Map.of("q1", "qa-well", "q2", "qa-secret-2", "q3", "2"));
        awaitCall("chat.update", c -> ("D" + ANN).equals(c.param("channel")) && said(c).contains("qa-secret-2"));
        // Ben's answer is shared after Ann's edit has been dealt with: one check-in's follow-ups run in turn.
        driver.answer(BEN, id, Map.of("q1", "qb-well", "q2", "qb-secret", "q3", "5"));
        awaitLeaderPost(c -> said(c).contains("qb-well"));
        List<FakeSlack.Call> sinceEdit = slack.calls().subList(beforeEdit, slack.calls().size());
        assertThat(sinceEdit).filteredOn(QuestionPrivacyTest::toLeader)
                .as("the anonymous-only edit re-shared nothing with the leader")
                .noneMatch(c -> c.method().equals("chat.update")).noneMatch(c -> said(c).contains("qa-well"));
        assertThat(sinceEdit).filteredOn(c -> c.method().equals("chat.update") && "C0TEAM".equals(c.param("channel")))
                .as("the parent moved for Ben's answer at most, not for Ann's edit").hasSizeLessThanOrEqualTo(1);
        assertThat(slack.calls()).filteredOn(QuestionPrivacyTest::toLeader)
                .as("nothing anonymous reached the leader before the end")
                .noneMatch(c -> said(c).contains("-secret"));

        // Cat answers in the DM thread, told there which question is anonymous.
        driver.replyInThread(id, CAT, "qc-well");
        String asked = said(awaitCall("chat.postMessage", c -> ("D" + CAT).equals(c.param("channel"))
                && said(c).contains("Question 2 of 3")));
        assertThat(asked).contains("Anonymous: shown without your name, only in a summary once 3 people");
        driver.replyInThread(id, CAT, "qc-secret");
        awaitCall("chat.postMessage", c -> ("D" + CAT).equals(c.param("channel")) && said(c).contains("Question 3 of 3"));
        driver.replyInThread(id, CAT, "4");
        driver.awaitStatus(id, "COMPLETED");

        // At the end: the anonymous answers, together and without names, once three answered each.
        String report = said(awaitLeaderPost(c -> said(c).contains("Anonymous questions:")));
        assertThat(report).contains("qa-secret-2").contains("qb-secret").contains("qc-secret")
                .contains("Average *3.7 / 5*, from 3 answers").doesNotContain("qa-secret-1")
                .doesNotContain("-well");
        assertNoNames(report);
        awaitLeaderPost(c -> said(c).contains("has completed") || said(c).contains("is complete"));

        // History and export for the leader: named answers only; the author still sees all of hers.
        String history = historyOf(LEAD, "history <@" + ANN + ">");
        assertThat(history).contains("qa-well").doesNotContain("-secret").doesNotContain("What would you change");
        assertThat(ackText(driver.command(LEAD, "C0TEAM", "status " + id))).contains("qa-well")
                .doesNotContain("-secret").contains("Answers to its anonymous questions are never shown here");

        List<CSVRecord> rows = export(id);
        assertThat(rows).filteredOn(r -> !r.get(10).isEmpty()).as("rows with a person")
                .noneMatch(r -> r.get(16).contains("-secret")).anyMatch(r -> r.get(16).equals("qa-well"));
        assertThat(rows).filteredOn(r -> r.get(16).contains("-secret")).as("anonymous rows")
                .hasSize(3).allMatch(r -> r.get(9).isEmpty() && r.get(10).isEmpty() && r.get(12).isEmpty());

        assertNothingTiesAnAnonymousAnswerToItsAuthor();
        assertThat(historyOf(ANN, "history")).as("the author's own history has all she wrote")
                .contains("qa-well").contains("qa-secret-2");
    }

    @Test
    void belowTheThresholdInAThreadCheckInTheLeaderIsToldTheAnswersStayUnseen() {
        String key = savedSet();
        String id = driver.startAs(LEAD, "C0TEAM", key + " <@" + ANN + "> <@" + BEN + "> visibility:thread", 2);

        driver.answer(ANN, id, Map.of("q1", "tq-ann-well", "q2", "tq-ann-secret", "q3", "1"));
        driver.answer(BEN, id, Map.of("q1", "tq-ben-well", "q2", "tq-ben-secret", "q3", "3"));
        driver.awaitStatus(id, "COMPLETED");

        String report = said(awaitLeaderPost(c -> said(c).contains("Anonymous questions:")));
        assertThat(report).contains("Only 2 people answered it, fewer than the 3 needed")
                .contains("the answers stay unseen").doesNotContain("-secret").doesNotContain("Average");
        awaitLeaderPost(c -> said(c).contains("is complete"));
        List<FakeSlack.Call> thread = slack.calls().stream().filter(c -> "C0TEAM".equals(c.param("channel"))).toList();
        assertThat(thread).as("the thread shows named answers").anyMatch(c -> said(c).contains("tq-ann-well"));
        assertThat(thread).as("and nothing of the anonymous ones").noneMatch(c -> said(c).contains("-secret"))
                .noneMatch(c -> said(c).contains("Anonymous questions:"));
        assertNothingTiesAnAnonymousAnswerToItsAuthor();
    }

    // ---- privacy over every call ----------------------------------------------------------------

    /** Outside its author's own DM, an anonymous answer never comes with any participant's name or id. */
    private static void assertNothingTiesAnAnonymousAnswerToItsAuthor() {
        for (FakeSlack.Call c : slack.calls()) {
            String shown = said(c);
            if (!shown.contains("-secret") || ownDm(c)) {
                continue;
            }
            assertNoNames(shown);
        }
    }

    private static void assertNoNames(String shown) {
        for (Map.Entry<String, String> person : NAMES.entrySet()) {
            assertThat(shown).as("anonymous answers shown with a person").doesNotContain(person.getKey())
                    .doesNotContain(person.getValue());
        }
    }

    private static boolean ownDm(FakeSlack.Call c) {
        String channel = c.param("channel");
        return channel != null && NAMES.keySet().stream().anyMatch(p -> channel.equals(p) || channel.equals("D" + p));
    }

    private static boolean toLeader(FakeSlack.Call c) {
        return Set.of(LEAD, "D" + LEAD).contains(String.valueOf(c.param("channel"))) || LEAD.equals(c.param("user"))
                || LEAD.equals(c.param("user_id")) || ("D" + LEAD).equals(c.param("channel_id"));
    }

    // ---- driving ----------------------------------------------------------------------------------

    private String savedSet() {
        String key = "pq-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(ackJson(QuestionSetForm.submit(requests, LEAD, QuestionSetForm.metadata("C0TEAM", null),
                QuestionSetForm.state(key, "Leading well", "How I lead, honestly.", QUESTIONS)))
                .has("response_action")).isFalse();
        return key;
    }

    private String historyOf(String userId, String command) {
        int updates = slack.calls("views.update").size();
        assertThat(ackText(driver.command(userId, "C0TEAM", command))).isEmpty();
        return said(await().atMost(WAIT).until(() -> slack.calls("views.update").size() > updates
                ? slack.calls("views.update").get(updates) : null, c -> c != null));
    }

    private List<CSVRecord> export(String checkInId) throws IOException {
        int files = slack.sharedFiles().size();
        driver.command(LEAD, "C0TEAM", "export " + checkInId);
        FakeSlack.SharedFile file = await().atMost(WAIT).until(() -> slack.sharedFiles().size() > files
                ? slack.sharedFiles().get(files) : null, f -> f != null);
        assertThat(file.channelId()).isEqualTo("D" + LEAD);
        List<CSVRecord> all = CSVFormat.EXCEL.parse(new StringReader(file.text().substring(1))).getRecords();
        return all.subList(1, all.size());
    }

    private static FakeSlack.Call awaitLeaderPost(Predicate<FakeSlack.Call> matching) {
        return awaitCall("chat.postMessage", c -> toLeader(c) && matching.test(c));
    }

    private static FakeSlack.Call awaitCall(String method, Predicate<FakeSlack.Call> matching) {
        return await().atMost(WAIT).until(() -> slack.calls(method).stream().filter(matching).findFirst().orElse(null),
                c -> c != null);
    }
}
