package org.alliance.recurring;

import java.time.Duration;
import java.time.Instant;

import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /alliance status R…}: the schedule, each person's next send time, and the rounds so far. */
class SeriesStatusTest extends RecurringScenario {

    private static final String CHANNEL = "C0SSTATUS";

    private static String slackDate(String instant) {
        return "<!date^" + Instant.parse(instant).getEpochSecond() + "^";
    }

    @Test
    void theLeaderSeesTheScheduleEachPersonsNextTimeAndTheRounds() {
        // Sunday 12:00 UTC: the first round is Monday at 10:00 on each person's own clock.
        at("2026-11-29T12:00:00Z");
        String objective = objective("Series status");
        String seriesId = startSeries(CHANNEL, "trust <@U0ALICE> <@U0BOB> <#" + CHANNEL + "|status> every:1w at:10:00 "
                + "objective:\"" + objective + "\"");
        assertThat(ackText(driver.command(LEADER, CHANNEL, "list"))).contains(seriesId);

        String status = ackText(driver.command(LEADER, CHANNEL, "status " + seriesId.toLowerCase()));
        assertThat(status).doesNotContain("can't find").contains(seriesId).contains("every week at 10:00")
                .contains("active")
                // 10:00 in Tokyo, and 10:00 in Los Angeles.
                .contains("• <@U0ALICE> " + slackDate("2026-11-30T01:00:00Z"))
                .contains("• <@U0BOB> " + slackDate("2026-11-30T18:00:00Z"))
                .contains("No rounds yet");

        // Round 1 starts; status lists it, and the next round moves a week on.
        at("2026-11-30T01:00:00Z");
        String round1 = awaitRound(objective, 1).getString("id");
        // The round is linked to its series once its invitations are out, a moment after it is stored.
        await().atMost(Duration.ofSeconds(20)).until(() -> db.getCollection("seriesRounds")
                .countDocuments(Filters.eq("_id", round1)) == 1);
        status = ackText(driver.command(LEADER, CHANNEL, "status " + seriesId));
        assertThat(status).contains("*Rounds*").contains("`" + round1 + "`").contains("(round 1)")
                .contains("0 of 2 answered")
                .contains("• <@U0ALICE> " + slackDate("2026-12-07T01:00:00Z"))
                .contains("• <@U0BOB> " + slackDate("2026-12-07T18:00:00Z"))
                .doesNotContain("No rounds yet");

        // A round started before rounds were linked to their series is still found.
        db.getCollection("seriesRounds").deleteMany(Filters.eq("seriesId", seriesId));
        assertThat(ackText(driver.command(LEADER, CHANNEL, "status " + seriesId))).contains("`" + round1 + "`");

        // Someone asked in it is told it's the leader's to see; nothing about others.
        String alices = ackText(driver.command("U0ALICE", "DU0ALICE", "status " + seriesId));
        assertThat(alices).contains("only they can see its status").doesNotContain("U0BOB").doesNotContain(round1);

        // Paused: no next round to show.
        ackText(driver.command(LEADER, CHANNEL, "pause " + seriesId));
        assertThat(ackText(driver.command(LEADER, CHANNEL, "status " + seriesId))).contains("paused")
                .contains("No next round").doesNotContain(slackDate("2026-12-07T01:00:00Z"));
    }
}
