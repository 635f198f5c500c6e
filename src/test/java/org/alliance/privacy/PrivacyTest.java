package org.alliance.privacy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.persistence.Pseudonyms;
import org.alliance.support.AllianceIntegrationTest;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.Acks.ackJson;
import static org.alliance.support.Acks.ackText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /alliance my-data} and {@code /alliance forget-me} through the real Bolt app. Every test uses
 * people no other test asks, since all integration tests share one database.
 */
class PrivacyTest extends AllianceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MongoDatabase db;

    CheckInDriver driver;

    @BeforeEach
    void driver() {
        driver = new CheckInDriver(slack, requests, db);
    }

    @Test
    void myDataHoldsTheirAnswersSkipsAnonymousAnswersCommitmentsAndSnoozeButNothingOfAnyoneElse() {
        people("U0PDLEAD", "U0PDME", "U0PDOTHER", "U0PDTHIRD");
        String named = driver.startAs("U0PDLEAD", "C0TEAM", "trust <@U0PDME> <@U0PDOTHER> visibility:leader", 2);
        driver.answer("U0PDME", named, Map.of("important", "mine-" + named, "openness", "4"));
        driver.answer("U0PDOTHER", named, Map.of("important", "theirs-" + named));
        String anon = driver.startAs("U0PDLEAD", "C0TEAM",
                "trust <@U0PDME> <@U0PDOTHER> <@U0PDTHIRD> visibility:anonymous", 3);
        driver.answer("U0PDME", anon, Map.of("important", "anon-mine-" + anon));
        driver.answer("U0PDOTHER", anon, Map.of("important", "anon-theirs-" + anon));
        String skipped = driver.startAs("U0PDLEAD", "C0TEAM", "trust <@U0PDME> visibility:leader", 1);
        driver.submitSkip("U0PDME", skipped, "skip-why-" + skipped);
        driver.awaitResponseStatus(skipped, "U0PDME", "SKIPPED");
        assertThat(driver.submitCommitment("U0PDLEAD", named, "U0PDME", "promise-" + named,
                LocalDate.now(clock).plusDays(7)).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> db.getCollection("commitments")
                .countDocuments(Filters.eq("commitment.memberId", "U0PDME")) == 1);
        ackText(driver.command("U0PDME", "C0TEAM", "snooze 3d"));
        await().atMost(WAIT).until(() -> db.getCollection("snoozes").countDocuments(Filters.eq("userId", "U0PDME")) == 1);
        slack.reset();

        String reply = command("U0PDME", "my-data", MyDataCommand.PREPARING);

        assertThat(reply).contains("alliance-my-data-U0PDME.json").contains("in your DM");
        FakeSlack.SharedFile file = await().atMost(WAIT).until(slack::sharedFiles, f -> !f.isEmpty()).get(0);
        assertThat(file.channelId()).isEqualTo("DU0PDME");
        String text = file.text();
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        assertThat(json.get("userId").getAsString()).isEqualTo("U0PDME");
        assertThat(json.getAsJsonObject("checkIns").getAsJsonArray("yourAnswers")).hasSize(3);
        assertThat(text).contains("mine-" + named).contains("skip-why-" + skipped).contains("promise-" + named)
                .contains("\"until\"");
        JsonObject anonymous = json.getAsJsonObject("checkIns").getAsJsonArray("yourAnswers").asList().stream()
                .map(e -> e.getAsJsonObject()).filter(a -> a.get("checkInId").getAsString().equals(anon))
                .findFirst().orElseThrow();
        assertThat(anonymous.get("visibility").getAsString()).isEqualTo("anonymous");
        JsonObject anonAnswer = anonymous.getAsJsonArray("answers").get(0).getAsJsonObject();
        assertThat(anonAnswer.get("answer").getAsString()).isEqualTo("anon-mine-" + anon);
        assertThat(anonAnswer.get("anonymous").getAsBoolean()).isTrue();
        assertThat(text).doesNotContain("theirs-" + named).doesNotContain("anon-theirs-" + anon)
                .doesNotContain("U0PDOTHER").doesNotContain("U0PDTHIRD");
    }

    @Test
    void forgetMeAsksFirstThenErasesTheirWordsAndIdEverywhereKeepsCountsAndTellsTheLeaderWithoutNamingThem() {
        people("U0FGLEAD", "U0FGGONE", "U0FGSTAY", "U0FGTHIRD");
        String named = driver.startAs("U0FGLEAD", "C0TEAM", "trust <@U0FGGONE> <@U0FGSTAY> visibility:leader", 2);
        driver.answer("U0FGGONE", named, Map.of("important", "gone-words-" + named, "openness", "2"));
        driver.answer("U0FGSTAY", named, Map.of("important", "stay-words, thanks <@U0FGGONE|gone>"));
        String anon = driver.startAs("U0FGLEAD", "C0TEAM",
                "trust <@U0FGGONE> <@U0FGSTAY> <@U0FGTHIRD> visibility:anonymous", 3);
        driver.answer("U0FGGONE", anon, Map.of("important", "gone-secret-" + anon));
        String open = driver.startAs("U0FGLEAD", "C0TEAM", "trust <@U0FGGONE> visibility:leader", 1);
        driver.submitCommitment("U0FGLEAD", named, "U0FGGONE", "promise-" + named, LocalDate.now(clock).plusDays(7));
        await().atMost(WAIT).until(() -> db.getCollection("commitments")
                .countDocuments(Filters.eq("commitment.memberId", "U0FGGONE")) == 1);
        ackText(driver.command("U0FGGONE", "C0TEAM", "snooze 2d"));
        await().atMost(WAIT).until(() -> db.getCollection("snoozes").countDocuments(Filters.eq("userId", "U0FGGONE")) == 1);
        assertThat(everywhere("U0FGGONE")).as("reminders, relationships, check-ins name them").isNotEmpty();

        JsonObject asked = ackJson(driver.command("U0FGGONE", "C0TEAM", "forget-me"));
        assertThat(asked.toString()).contains(ForgetMeMessages.CONFIRM).contains("danger").contains("Erase my data");
        click("U0FGGONE", ForgetMeMessages.CANCEL);
        await().atMost(WAIT).until(() -> slack.calls("respond").stream()
                .anyMatch(c -> ForgetMeMessages.CANCELLED.equals(c.param("text"))));
        assertThat(driver.response(named, "U0FGGONE").get("answers", Document.class))
                .as("nothing erased without the confirm button").containsEntry("important", "gone-words-" + named);
        slack.reset();

        click("U0FGGONE", ForgetMeMessages.CONFIRM);

        FakeSlack.Call done = await().atMost(WAIT).until(() -> dmTo("U0FGGONE").stream()
                .filter(c -> c.param("text").contains("was erased")).findFirst().orElse(null), c -> c != null);
        assertThat(done.param("text")).contains("answers erased: 2").contains("snoozes deleted: 1")
                .contains("leader concerned was told");
        assertThat(everywhere("U0FGGONE")).as("documents still naming them").isEmpty();
        assertThat(everywhere("gone-words-")).isEmpty();
        assertThat(everywhere("gone-secret-")).isEmpty();

        Document namedCheckIn = driver.checkIn(named);
        assertThat(namedCheckIn.getList("participants", String.class)).hasSize(2).contains("U0FGSTAY")
                .anySatisfy(p -> assertThat(p).startsWith(Erasure.PREFIX));
        String pseudonym = namedCheckIn.getList("participants", String.class).stream()
                .filter(p -> p.startsWith(Erasure.PREFIX)).findFirst().orElseThrow();
        assertThat(driver.response(named, pseudonym).getString("status")).isEqualTo("ANSWERED");
        assertThat(driver.response(named, pseudonym).get("answers", Document.class)).isEmpty();
        assertThat(driver.response(anon, pseudonym).getString("status")).isEqualTo("ANSWERED");
        assertThat(db.getCollection("responses").countDocuments(Filters.and(Filters.eq("response.checkInId", named),
                Filters.eq("response.status", "ANSWERED")))).as("the leader's count").isEqualTo(2);
        assertThat(driver.checkIn(open).getList("participants", String.class)).containsExactly(pseudonym);
        assertThat(db.getCollection("commitments").find(Filters.eq("commitment.memberId", pseudonym)).first())
                .as("one pseudonym across collections").isNotNull();
        assertThat(driver.response(named, "U0FGSTAY").get("answers", Document.class).getString("important"))
                .isEqualTo("stay-words, thanks <@" + pseudonym + ">");

        List<FakeSlack.Call> toLeader = dmTo("U0FGLEAD");
        assertThat(toLeader).extracting(c -> c.param("text")).contains(Erasure.LEADER_NOTICE);
        assertThat(CheckInDriver.everythingSaid(toLeader)).doesNotContain("U0FGGONE").doesNotContain(pseudonym);
        assertThat(dmTo("U0FGSTAY")).as("nobody but leaders is told").isEmpty();
    }

    @Test
    void aLeaderWhoIsForgottenKeepsTheirPeoplesAnswersAndTheirOpenCheckInStops() {
        people("U0LGGONE", "U0LGPERSON", "U0LGOTHER");
        String led = driver.startAs("U0LGGONE", "C0TEAM", "trust <@U0LGPERSON> <@U0LGOTHER> visibility:leader", 2);
        driver.answer("U0LGPERSON", led, Map.of("important", "for-my-leader-" + led));

        ackText(driver.command("U0LGGONE", "C0TEAM", "forget-me"));
        click("U0LGGONE", ForgetMeMessages.CONFIRM);

        await().atMost(WAIT).until(() -> dmTo("U0LGGONE").stream().anyMatch(c -> c.param("text").contains("was erased")));
        assertThat(everywhere("U0LGGONE")).isEmpty();
        Document checkIn = driver.checkIn(led);
        assertThat(checkIn.getString("leaderId")).startsWith(Erasure.PREFIX);
        assertThat(checkIn.getString("status")).isEqualTo("STOPPED");
        assertThat(driver.response(led, "U0LGPERSON").get("answers", Document.class))
                .containsEntry("important", "for-my-leader-" + led);
        assertThat(driver.response(led, "U0LGOTHER").getString("status")).isEqualTo("MISSED");
    }

    /**
     * Every stored document, in every collection, holding {@code text}: a user id as a whole value, key part
     * or mention (the fake's DM ids, {@code D} + user id, are left aside: Slack's own DM ids never hold one);
     * anything else anywhere in its text.
     */
    private List<String> everywhere(String text) {
        boolean userId = text.matches("U0[A-Z0-9]+");
        List<String> found = new ArrayList<>();
        for (String name : db.listCollectionNames()) {
            for (Document doc : db.getCollection(name).find()) {
                if (userId ? Pseudonyms.holds(doc, text) : doc.toJson().contains(text)) {
                    found.add(name + ": " + doc.toJson());
                }
            }
        }
        return found;
    }

    private List<FakeSlack.Call> dmTo(String userId) {
        return slack.calls("chat.postMessage").stream().filter(c -> userId.equals(c.param("channel"))).toList();
    }

    private void click(String userId, String actionId) {
        assertThat(requests.interaction(requests.responseUrl(slack.responseUrl())
                .blockAction(userId, actionId, "x", "C0TEAM", "1.0")).statusCode()).isEqualTo(200);
    }

    private String command(String userId, String text, String ack) {
        int before = slack.calls("respond").size();
        assertThat(ackText(driver.command(userId, "C0TEAM", text))).isEqualTo(ack);
        return await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> responds = slack.calls("respond");
            return responds.size() > before ? responds.get(responds.size() - 1).param("text") : null;
        }, t -> t != null);
    }

    private static void people(String... ids) {
        for (String id : ids) {
            slack.addUser(id, id.substring(3).toLowerCase(), "Europe/Berlin");
        }
    }
}
