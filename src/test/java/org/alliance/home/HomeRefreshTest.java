package org.alliance.home;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.google.gson.JsonObject;
import org.alliance.checkin.AnswerButtons;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Home stays current for those who opened it: republished after an answer, an end or a
 * commitment, once per burst, and never for someone who has not opened it.
 */
class HomeRefreshTest extends HomeScenario {

    /** Longer than the debounce (default 5 s) plus a publish. */
    private static final Duration QUIET = Duration.ofSeconds(7);

    @Test
    void anAnswerAnEndAndACommitmentRepublishHomeForThoseWhoOpenedItOnly() throws InterruptedException {
        String lee = person("Lee");
        String ann = person("Ann");
        String ben = person("Ben");
        String id = start(lee, "trust <@" + ann + "> <@" + ben + "> due:3d", 2);
        assertThat(text(block(openedHome(lee), "start"))).isNotEmpty();
        assertThat(openedHome(ben).toString()).contains("waiting:" + id);
        // The start's own refresh, now that both have opened Home, goes out first.
        Thread.sleep(QUIET.toMillis());
        int lees = publishes(lee).size();
        int bens = publishes(ben).size();

        // An answer: the leader's progress moves; Ann never opened Home, so nothing is published for her.
        driver.submitAnswers(ann, id, Map.of("important", "Trust"));
        JsonObject afterAnswer = awaitPublish(lee, lees);
        assertThat(allText(afterAnswer)).contains("1 of 2 answered");
        Thread.sleep(1_000);
        assertThat(publishes(ann)).isEmpty();
        // Ben was not concerned by Ann's answer.
        assertThat(publishes(ben)).hasSize(bens);

        // A commitment to Ben: both of them see it.
        LocalDate due = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(3);
        driver.submitCommitment(lee, id, ben, "Pair on the <release>", due);
        JsonObject bensHome = awaitPublish(ben, bens);
        assertThat(allText(bensHome)).contains("<@" + lee + "> committed to: _Pair on the &lt;release&gt;_");
        JsonObject leesHome = awaitPublish(lee, lees + 1);
        assertThat(text(block(leesHome, "person:" + ben))).contains("You committed to: _Pair on the &lt;release&gt;_");

        // The end: the check-in leaves the leader's list and Ben's waiting list.
        assertThat(driver.command(lee, "C0HOME", "stop " + id).statusCode()).isEqualTo(200);
        JsonObject ended = awaitPublish(lee, lees + 2);
        assertThat(allText(ended)).doesNotContain("`" + id + "`").contains("No check-ins open right now");
        JsonObject bensAfterEnd = awaitPublish(ben, bens + 1);
        assertThat(hasBlock(bensAfterEnd, "waiting:" + id)).isFalse();

        Thread.sleep(1_000);
        assertThat(publishes(ann)).isEmpty();
    }

    @Test
    void theLeadersReadReceiptRepublishesTheirOwnFollowThrough() throws InterruptedException {
        String lee = person("Lee");
        String ann = person("Ann");
        String id = start(lee, "trust <@" + ann + "> visibility:leader due:3d", 1);
        driver.submitAnswers(ann, id, Map.of("important", "Trust"));
        driver.awaitResponseStatus(id, ann, "ANSWERED");
        JsonObject before = openedHome(lee);
        Thread.sleep(QUIET.toMillis());
        int lees = publishes(lee).size();

        requests.interaction(requests.blockAction(lee, AnswerButtons.ACKNOWLEDGE, id + ":" + ann, "D" + lee, "1.0"));

        JsonObject after = awaitPublish(lee, lees);
        assertThat(text(block(after, "follow_through"))).isNotEqualTo(text(block(before, "follow_through")))
                .contains("1 of 1");
    }

    @Test
    void aBurstOfChangesGivesOnePublish() throws InterruptedException {
        String lee = person("Lee");
        String ann = person("Ann");
        String ben = person("Ben");
        String cat = person("Cat");
        String id = start(lee, "trust <@" + ann + "> <@" + ben + "> <@" + cat + "> due:3d", 3);
        openedHome(lee);
        int before = publishes(lee).size();

        driver.submitAnswers(ann, id, Map.of("important", "One"));
        driver.submitAnswers(ben, id, Map.of("important", "Two"));
        driver.submitCommitment(lee, id, ann, "Follow up", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusDays(2));
        driver.awaitResponseStatus(id, ben, "ANSWERED");

        JsonObject refreshed = awaitPublish(lee, before);
        assertThat(allText(refreshed)).contains("2 of 3 answered").contains("You committed to: _Follow up_");
        Thread.sleep(QUIET.toMillis());
        assertThat(publishes(lee)).hasSize(before + 1);
    }

    @Test
    void someoneWhoNeverOpenedHomeGetsNoPublish() throws InterruptedException {
        String lee = person("Lee");
        String ann = person("Ann");
        String id = start(lee, "trust <@" + ann + "> due:3d", 1);
        driver.submitAnswers(ann, id, Map.of("important", "Quiet"));
        driver.awaitStatus(id, "COMPLETED");

        Thread.sleep(QUIET.toMillis());
        assertThat(publishes(lee)).isEmpty();
        assertThat(publishes(ann)).isEmpty();
        // Opening it is what makes them count.
        assertThat(openedHome(lee).get("type").getAsString()).isEqualTo("home");
    }
}
