package org.alliance.score;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.alliance.checkin.AnswerLoop;
import org.alliance.support.CheckInDriver;
import org.alliance.support.FakeSlack;
import org.alliance.support.ScheduledAppTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.Acks.ackText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The follow-through score through the real Bolt app: {@code /alliance score} and Home show a
 * leader their own figures after they acknowledged and replied to answers, and anyone else only
 * theirs, never the leader's.
 */
class FollowThroughAppTest extends ScheduledAppTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    // People of their own: the database is shared with other tests of this context.
    private static final String LEE = "U0SCLEE";
    private static final String ANN = "U0SCANN";
    private static final String BEN = "U0SCBEN";
    private static final String CAT = "U0SCCAT";

    @Autowired
    AnswerLoop answerLoop;

    @BeforeEach
    void people() {
        slack.addUser(LEE, "Lee", "Europe/London").addUser(ANN, "Ann", "Europe/London")
                .addUser(BEN, "Ben", "Europe/London").addUser(CAT, "Cat", "Europe/London");
        db.getCollection("checkins").deleteMany(Filters.eq("checkIn.leaderId", LEE));
        db.getCollection("responses").deleteMany(Filters.in("response.userId", ANN, BEN, CAT));
        db.getCollection("commitments").deleteMany(Filters.eq("commitment.leaderId", LEE));
    }

    @Test
    void theLeaderSeesTheirOwnCountsAndSomeoneElseSeesOnlyTheirOwnEmptyFigures() {
        leeFollowsThrough();

        String mine = score(LEE);

        assertThat(mine).contains("Your follow-through (last 90 days)")
                .contains("*Commitments done by their due date:* 1 of 2")
                .contains("median 6 h, over 2 answers")
                .doesNotContain("still waiting")
                .contains("*\"Did it help?\" answered yes:* 1 of 1")
                .contains("*Check-ins where you closed the loop on every answer:* 1 of 1 check-in\n")
                .contains("Only you see this. It's never shown to anyone else or compared with other leaders.");
        assertThat(mine).as("figures only: no names, no answers").doesNotContain(ANN).doesNotContain(BEN)
                .doesNotContain("Ann says");

        String anns = score(ANN);

        assertThat(anns).contains("No commitments due in the last 90 days.")
                .contains("No answers to your check-ins in the last 90 days.")
                .contains("Nobody answered \"Did it help?\" in the last 90 days.")
                .contains("No answered check-ins in the last 90 days.")
                .doesNotContain("6 h").doesNotContain("1 of 2").doesNotContain(" of 1");
    }

    @Test
    void askingForSomeoneElsesScoreIsRefusedAndShowsNothingOfTheirs() {
        leeFollowsThrough();
        int responds = slack.calls("respond").size();

        String reply = ackText(driver.command(ANN, "C0SCORE", "score <@" + LEE + ">"));

        assertThat(reply).isEqualTo(ScoreCommand.ONLY_YOURS);
        assertThat(slack.calls("respond")).hasSize(responds);
    }

    @Test
    void homeShowsTheOwnersFiguresToTheOwnerOnly() {
        leeFollowsThrough();

        JsonObject lees = openedHome(LEE);
        JsonObject anns = openedHome(ANN);

        String section = text(block(lees, "follow_through"));
        assertThat(section).contains("Your follow-through (last 90 days)").contains("1 of 2")
                .contains("median 6 h, over 2 answers").contains("Only you see this");
        assertThat(lees.getAsJsonArray("blocks")).hasSizeLessThanOrEqualTo(100);
        assertThat(anns.toString()).as("Ann never led: no score, and never Lee's")
                .doesNotContain("follow_through").doesNotContain("follow-through").doesNotContain("median");
    }

    /**
     * Lee asks Ann, Ben and Cat; Ann and Ben answer at once. Lee reads Ann's answer 5 hours later
     * and replies to Ben's 7 hours later (a median of 6 h); Cat never answers. Of two commitments,
     * the one done on its due date counts as kept (and Ann says it helped), the one left open past
     * its due date does not.
     */
    private void leeFollowsThrough() {
        String id = driver.startAs(LEE, "C0SCORE", "trust <@" + ANN + "> <@" + BEN + "> <@" + CAT + "> due:3d", 3);
        driver.answer(ANN, id, Map.of("important", "Ann says: trust"));
        driver.answer(BEN, id, Map.of("important", "Ben says: time"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String kept = commit(id, ANN, "Find Ann a mentor", today);
        commit(id, BEN, "Book Ben's course", today.plusDays(1));
        driver.click(LEE, "commitment_done", kept);
        await().atMost(WAIT).until(() -> "DONE".equals(commitment(kept).getString("status")));
        driver.click(ANN, "commitment_helped", kept + ":YES");
        await().atMost(WAIT).until(() -> commitment(kept).getString("helped") != null);

        clock.advance(Duration.ofHours(5));
        // Read receipts are another part of this issue; what they store is the contract: the first acknowledgement.
        db.getCollection("responses").updateOne(Filters.eq("_id", id + ":" + ANN),
                Updates.set("response.acknowledgedAt", Date.from(clock.instant())));
        clock.advance(Duration.ofHours(2));
        answerLoop.replied(answerLoop.forLeader(CheckInDriver.TEAM, id + ":" + BEN, LEE).orElseThrow());
        clock.advance(Duration.ofDays(2));
    }

    // ---- driving ---------------------------------------------------------------------------------

    /** {@code /alliance score} as {@code userId}: acked at once with nothing, the figures come after the ack. */
    private String score(String userId) {
        int before = slack.calls("respond").size();
        assertThat(ackText(driver.command(userId, "C0SCORE", "score"))).as("the ack itself says nothing").isEmpty();
        return await().atMost(WAIT).until(() -> lastRespond(before), t -> t != null);
    }

    private String lastRespond(int before) {
        List<FakeSlack.Call> responds = slack.calls("respond");
        return responds.size() > before ? responds.get(responds.size() - 1).param("text") : null;
    }

    private String commit(String checkInId, String memberId, String text, LocalDate due) {
        assertThat(driver.submitCommitment(LEE, checkInId, memberId, text, due).statusCode()).isEqualTo(200);
        Document stored = await().atMost(WAIT).until(() -> db.getCollection("commitments")
                .find(Filters.eq("commitment.text", text)).first(), d -> d != null);
        return stored.getString("_id");
    }

    private Document commitment(String id) {
        return db.getCollection("commitments").find(Filters.eq("_id", id)).first().get("commitment", Document.class);
    }

    // ---- Home ------------------------------------------------------------------------------------

    private JsonObject openedHome(String userId) {
        int before = publishes(userId).size();
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", userId);
        event.addProperty("channel", "D" + userId);
        event.addProperty("tab", "home");
        event.addProperty("event_ts", Instant.now().getEpochSecond() + ".000100");
        assertThat(requests.event(event.toString()).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> publishes(userId).size() > before);
        return publishes(userId).get(before);
    }

    private static List<JsonObject> publishes(String userId) {
        List<JsonObject> views = new ArrayList<>();
        for (FakeSlack.Call c : slack.calls("views.publish")) {
            if (userId.equals(c.param("user_id"))) {
                views.add(JsonParser.parseString(c.param("view")).getAsJsonObject());
            }
        }
        return views;
    }

    private static JsonObject block(JsonObject view, String blockId) {
        for (JsonElement b : view.getAsJsonArray("blocks")) {
            JsonObject o = b.getAsJsonObject();
            if (o.has("block_id") && o.get("block_id").getAsString().equals(blockId)) {
                return o;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + view);
    }

    private static String text(JsonObject block) {
        return block.getAsJsonObject("text").get("text").getAsString();
    }
}
