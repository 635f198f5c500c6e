package org.alliance.recurring;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

/** A weekly series, round after round: each one a check-in of its own, in a thread of its own. */
class RecurringRoundsTest extends RecurringScenario {

    @Test
    void aWeeklySeriesStartsItsSecondRoundAsANewCheckInAndLeavesTheFirstAlone() {
        // Monday 09:30 UTC: 09:30 for the leader in London, 10:30 for Carol in Berlin.
        at("2026-11-30T09:30:00Z");
        String objective = objective("Weekly trust");
        String reply = commandReply(LEADER, "C0TEAM",
                "start trust <@U0CAROL> <#C0TEAM|team> every:1w at:11:00 objective:\"" + objective + "\"");
        String seriesId = seriesIdIn(reply);
        assertThat(reply).contains("every week at 11:00").contains("own time zone").contains("<#C0TEAM>");

        Document stored = series(seriesId);
        assertThat(stored.getString("status")).isEqualTo("ACTIVE");
        assertThat(stored.getString("cadence")).isEqualTo("1w");
        assertThat(stored.getString("channelId")).isEqualTo("C0TEAM");
        assertThat(stored.getList("userIds", String.class)).containsExactly("U0CAROL");
        assertThat(stored.getInteger("rounds")).isZero();

        // Nothing yet: it's 10:30 in Berlin.
        at("2026-11-30T09:59:00Z");
        assertThat(rounds(objective)).isEmpty();
        assertThat(dmsTo("U0CAROL")).isEmpty();

        // 10:00 UTC is 11:00 in Berlin: round 1.
        at("2026-11-30T10:00:00Z");
        Document round1 = awaitRound(objective, 1);
        String id1 = round1.getString("id");
        assertThat(round1.getString("title")).endsWith("(round 1)");
        assertThat(round1.getString("channelId")).isEqualTo("C0TEAM");
        assertThat(round1.getString("parentTs")).isNotNull();
        assertThat(round1.getString("threadTs")).isEqualTo(round1.getString("parentTs"));
        assertThat(parents("C0TEAM", id1)).singleElement()
                .satisfies(c -> assertThat(org.alliance.support.CheckInDriver.said(c)).contains("(round 1)"));
        assertThat(invitations("U0CAROL", id1)).hasSize(1);
        Document carol1 = driver.response(id1, "U0CAROL");
        assertThat(carol1.getString("status")).isEqualTo("PENDING");
        assertThat(carol1.getString("dmTs")).isNotNull();

        // Carol answers round 1.
        driver.submitAnswers("U0CAROL", id1, Map.of("important", "Round one answer", "openness", "4"));
        driver.awaitResponseStatus(id1, "U0CAROL", "ANSWERED");
        driver.awaitStatus(id1, "COMPLETED");
        Document answered1 = driver.response(id1, "U0CAROL");

        // A week on, one minute early: still one round.
        at("2026-12-07T09:59:00Z");
        assertThat(rounds(objective)).hasSize(1);

        at("2026-12-07T10:00:00Z");
        Document round2 = awaitRound(objective, 2);
        String id2 = round2.getString("id");
        assertThat(id2).isNotEqualTo(id1);
        assertThat(round2.getString("title")).endsWith("(round 2)");
        assertThat(round2.getString("status")).isEqualTo("OPEN");
        assertThat(round2.getString("parentTs")).isNotNull().isNotEqualTo(round1.getString("parentTs"));
        assertThat(round2.getString("threadTs")).isEqualTo(round2.getString("parentTs"))
                .isNotEqualTo(round1.getString("threadTs"));
        // A new top-level message in the channel, not a reply in round 1's thread.
        assertThat(parents("C0TEAM", id2)).singleElement()
                .satisfies(c -> assertThat(org.alliance.support.CheckInDriver.said(c)).contains("(round 2)"));
        assertThat(invitations("U0CAROL", id2)).hasSize(1);
        Document carol2 = driver.response(id2, "U0CAROL");
        assertThat(carol2.getString("status")).isEqualTo("PENDING");
        assertThat(carol2.get("answers", Document.class)).isNullOrEmpty();
        assertThat(carol2.getString("dmTs")).isNotNull().isNotEqualTo(carol1.getString("dmTs"));
        assertThat(responsesOf(id2)).isEqualTo(1);

        // Round 1 is as it was.
        assertThat(rounds(objective)).hasSize(2);
        assertThat(driver.checkIn(id1).getString("status")).isEqualTo("COMPLETED");
        Document carol1After = driver.response(id1, "U0CAROL");
        assertThat(carol1After.getString("status")).isEqualTo("ANSWERED");
        assertThat(carol1After.get("answers", Document.class)).isEqualTo(answered1.get("answers", Document.class))
                .containsEntry("important", "Round one answer");
        assertThat(carol1After.getString("dmTs")).isEqualTo(carol1.getString("dmTs"));
        assertThat(carol1After.getDate("answeredAt")).isEqualTo(answered1.getDate("answeredAt"));
        assertThat(responsesOf(id1)).isEqualTo(1);
        assertThat(invitations("U0CAROL", id1)).hasSize(1);

        Document after = series(seriesId);
        assertThat(after.getInteger("rounds")).isEqualTo(2);
        assertThat(after.getDate("next")).isEqualTo(wallClock("2026-12-14T11:00"));
    }
}
