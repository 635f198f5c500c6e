package org.alliance.checkin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Thanks, I've read this" through the real Bolt app: the leader's click reaches the person's DM
 * and turns the button into a read line; nobody else's click, a forged value or a second click
 * changes anything. For an anonymous check-in, everyone asked hears it, and nobody is named.
 */
class ReadReceiptsTest extends TimedCheckInScenario {

    @Test
    void theLeadersClickTellsThePersonAndQuietsTheButton() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> visibility:leader", 2);
        answer(id, "U0ALICE", "Alice wants clear priorities " + id);
        String sharedTs = awaitSharedTs(id, "U0ALICE");
        Document alice = driver.response(id, "U0ALICE");
        assertThat(alice.get("acknowledgedAt")).isNull();

        assertThat(ackText(click(LEADER, AnswerButtons.ACKNOWLEDGE, id + ":U0ALICE", "D" + LEADER, sharedTs, null)))
                .isEmpty();

        await().atMost(WAIT).untilAsserted(() -> assertThat(acknowledgedAt(id, "U0ALICE")).isEqualTo(START));
        FakeSlack.Call dm = awaitCall("chat.update", at(alice.getString("dmChannelId"), alice.getString("dmTs"))
                .and(saying(":eyes: <@" + LEADER + "> read your answer")));
        assertThat(CheckInDriver.said(dm)).contains(slackDate(START)).contains("Alice wants clear priorities");
        FakeSlack.Call shared = awaitCall("chat.update", at("D" + LEADER, sharedTs).and(saying(":eyes: Read")));
        assertThat(CheckInDriver.said(shared)).contains(slackDate(START)).contains(AnswerButtons.REPLY)
                .contains(FollowUpButton.ACTION_ID).contains(AnswerButtons.AGREEMENT)
                .doesNotContain(AnswerButtons.ACKNOWLEDGE).doesNotContain("Thanks, I've read this");

        // A second click later changes nothing and sends nothing.
        int replies = slack.calls("respond").size();
        clock.advance(Duration.ofMinutes(5));
        click(LEADER, AnswerButtons.ACKNOWLEDGE, id + ":U0ALICE", "D" + LEADER, sharedTs, null);
        await().during(Duration.ofMillis(800)).atMost(WAIT).untilAsserted(() -> {
            assertThat(calls("chat.update", at(alice.getString("dmChannelId"), alice.getString("dmTs"))
                    .and(saying("read your answer")))).hasSize(1);
            assertThat(calls("chat.update", at("D" + LEADER, sharedTs))).hasSize(1);
            assertThat(slack.calls("respond")).hasSize(replies);
        });
        assertThat(acknowledgedAt(id, "U0ALICE")).isEqualTo(START);

        // Later renderings of the DM and of the shared answer keep it (here: an edit).
        answer(id, "U0ALICE", "Alice edited: clear priorities " + id);
        FakeSlack.Call edited = awaitCall("chat.update", at(alice.getString("dmChannelId"), alice.getString("dmTs"))
                .and(saying("Alice edited")));
        assertThat(CheckInDriver.said(edited)).contains("read your answer").contains(slackDate(START));
        FakeSlack.Call reshared = awaitCall("chat.update", at("D" + LEADER, sharedTs).and(saying("Alice edited")));
        assertThat(CheckInDriver.said(reshared)).contains(":eyes: Read").doesNotContain(AnswerButtons.ACKNOWLEDGE);
    }

    @Test
    void onlyTheLeaderCanMarkAnAnswerReadAndForgedValuesGetASentence() {
        String id = driver.start("trust <@U0ALICE> <@U0BOB> visibility:thread", 2);
        answer(id, "U0ALICE", "Alice likes pairing " + id);
        String sharedTs = awaitSharedTs(id, "U0ALICE");

        assertThat(ackText(click("U0BOB", AnswerButtons.ACKNOWLEDGE, id + ":U0ALICE", "C0TEAM", sharedTs, null)))
                .isEmpty();
        FakeSlack.Call refused = awaitCall("respond", saying("Only"));
        assertThat(refused.param("text")).contains("Only <@" + LEADER + ">").contains("can mark this answer as read");

        for (String forged : List.of("nonsense", "ZZZZZZ:U0ALICE", id + ":U0BOB", id + ":U0NOBODY", "")) {
            int before = slack.calls("respond").size();
            click(LEADER, AnswerButtons.ACKNOWLEDGE, forged, "C0TEAM", sharedTs, null);
            await().atMost(WAIT).until(() -> slack.calls("respond").size() > before);
            assertThat(slack.calls("respond").get(before).param("text")).as(forged)
                    .isEqualTo(ReadReceipts.NO_ANSWER);
        }
        assertThat(acknowledgedAt(id, "U0ALICE")).isNull();
        assertThat(slack.calls("chat.update")).noneSatisfy(c -> assertThat(CheckInDriver.said(c)).contains(":eyes:"));
    }

    @Test
    void theAnonymousSummaryReadReachesEveryoneAskedAndNamesNobody() {
        List<String> people = List.of("U0ALICE", "U0BOB", "U0CAROL", "U0DAN");
        Map<String, String> names = Map.of("U0ALICE", "Alice", "U0BOB", "Bob", "U0CAROL", "Carol", "U0DAN", "Dan");
        String id = driver.start("trust <@U0ALICE> <@U0BOB> <@U0CAROL> <@U0DAN> visibility:anonymous", 4);
        answer(id, "U0ALICE", "alice-words-" + id);
        answer(id, "U0BOB", "bob-words-" + id);
        answer(id, "U0CAROL", "carol-words-" + id);
        driver.submitSkip("U0DAN", id, "busy week");
        driver.awaitStatus(id, "COMPLETED");
        FakeSlack.Call summary = awaitCall("chat.postMessage", in(LEADER).and(saying("Anonymous summary")));
        assertThat(summary.param("blocks")).contains(AnswerButtons.ACKNOWLEDGE_SUMMARY);
        String summaryTs = "1700009999.000001";

        // Someone else (who could only have a forged button) is refused.
        click("U0ALICE", AnswerButtons.ACKNOWLEDGE_SUMMARY, id, "DU0ALICE", "1.0", null);
        assertThat(awaitCall("respond", saying("Only")).param("text")).contains("Only <@" + LEADER + ">")
                .contains("can mark its summary as read");

        click(LEADER, AnswerButtons.ACKNOWLEDGE_SUMMARY, id, "D" + LEADER, summaryTs, summary.param("blocks"));

        // The leader's copy keeps every answer, and the button becomes a read line.
        FakeSlack.Call marked = awaitCall("chat.update", at("D" + LEADER, summaryTs));
        assertThat(CheckInDriver.said(marked)).contains(":eyes: Read").contains(slackDate(START))
                .contains("alice-words-" + id).contains("carol-words-" + id)
                .doesNotContain(AnswerButtons.ACKNOWLEDGE_SUMMARY);
        // Everyone asked, answered or not, is told in their own DM, in the same words.
        String line = ":eyes: <@" + LEADER + "> read the anonymous summary";
        String sameLine = null;
        for (String person : people) {
            Document r = driver.response(id, person);
            FakeSlack.Call told = awaitCall("chat.update", at(r.getString("dmChannelId"), r.getString("dmTs"))
                    .and(saying(line)));
            String said = CheckInDriver.said(told);
            String shown = said.substring(said.indexOf(line), said.indexOf(")", said.indexOf(line)));
            sameLine = sameLine == null ? shown : sameLine;
            assertThat(shown).isEqualTo(sameLine).contains(slackDate(START));
            for (String other : people) {
                if (!other.equals(person)) {
                    assertThat(said).as("%s's DM", person).doesNotContain(other).doesNotContain(names.get(other))
                            .doesNotContain(other.substring(3).toLowerCase() + "-words");
                }
            }
        }
        await().atMost(WAIT).untilAsserted(() -> {
            for (String person : List.of("U0ALICE", "U0BOB", "U0CAROL")) {
                assertThat(acknowledgedAt(id, person)).isEqualTo(START);
            }
        });
        assertThat(acknowledgedAt(id, "U0DAN")).as("a skip has no answer to acknowledge").isNull();

        // A second click sends nothing more.
        int updates = slack.calls("chat.update").size();
        click(LEADER, AnswerButtons.ACKNOWLEDGE_SUMMARY, id, "D" + LEADER, summaryTs, summary.param("blocks"));
        await().during(Duration.ofMillis(800)).atMost(WAIT)
                .untilAsserted(() -> assertThat(slack.calls("chat.update")).hasSize(updates));
    }

    HttpResponse<String> click(String userId, String actionId, String value, String channel, String ts,
                               String blocksJson) {
        JsonObject payload = JsonParser.parseString(requests.blockAction(userId, actionId, value, channel, ts))
                .getAsJsonObject();
        if (blocksJson != null) {
            payload.getAsJsonObject("message").add("blocks", JsonParser.parseString(blocksJson));
        }
        return requests.interaction(payload.toString());
    }

    String awaitSharedTs(String checkInId, String userId) {
        return await().atMost(WAIT).until(() -> driver.response(checkInId, userId).getString("sharedTs"),
                ts -> ts != null);
    }

    Instant acknowledgedAt(String checkInId, String userId) {
        Date at = driver.response(checkInId, userId).getDate("acknowledgedAt");
        return at == null ? null : at.toInstant();
    }

    static Predicate<FakeSlack.Call> at(String channel, String ts) {
        return c -> channel.equals(c.param("channel")) && ts.equals(c.param("ts"));
    }
}
