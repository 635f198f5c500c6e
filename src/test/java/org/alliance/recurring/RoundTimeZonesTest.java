package org.alliance.recurring;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A round "at 10:00" reaches each person at 10:00 on their own clock, once. */
class RoundTimeZonesTest extends RecurringScenario {

    private static final String CHANNEL = "C0ZONES";

    @Test
    void eachPersonIsInvitedAtTenOnTheirOwnClockAndOncePerRound() {
        // Sunday 12:00 UTC (12:00 in London): the first round is Monday at 10:00.
        at("2026-11-29T12:00:00Z");
        String objective = objective("Zones");
        String seriesId = startSeries(CHANNEL, "trust <@U0ALICE> <@U0BOB> <#" + CHANNEL + "|zones> every:1w at:10:00 "
                + "objective:\"" + objective + "\"");
        assertThat(series(seriesId).getDate("next")).isEqualTo(wallClock("2026-11-30T10:00"));
        // The round's job waits for the first of them to reach 10:00: Alice, Monday 10:00 in Tokyo.
        assertThat(jobs(RecurringCheckIns.ROUND.name(), "seriesId", seriesId)).singleElement()
                .satisfies(j -> assertThat(j.getDate("dueAt").toInstant()).hasToString("2026-11-30T01:00:00Z"));

        // Round 1. Monday 00:59 UTC is 09:59 in Tokyo: nobody yet.
        at("2026-11-30T00:59:00Z");
        assertThat(rounds(objective)).isEmpty();
        assertThat(dmsTo("U0ALICE")).isEmpty();
        assertThat(dmsTo("U0BOB")).isEmpty();

        // 01:00 UTC is 10:00 in Tokyo (and 17:00 on Sunday in Los Angeles).
        at("2026-11-30T01:00:00Z");
        String round1 = awaitRound(objective, 1).getString("id");
        assertThat(parents(CHANNEL, round1)).hasSize(1);
        assertThat(invitations("U0ALICE", round1)).hasSize(1);
        assertThat(invitations("U0BOB", round1)).isEmpty();
        assertThat(driver.response(round1, "U0BOB").getString("dmTs")).isNull();
        assertThat(jobs("checkin.invite", "checkInId", round1)).singleElement().satisfies(j -> {
            assertThat(j.get("data", Document.class).getString("userId")).isEqualTo("U0BOB");
            assertThat(j.getDate("dueAt").toInstant()).hasToString("2026-11-30T18:00:00Z");
        });

        // 17:59 UTC is 09:59 in Los Angeles: still nothing for Bob (Alice's reminders may have come).
        at("2026-11-30T17:59:00Z");
        assertThat(invitations("U0BOB", round1)).isEmpty();
        assertThat(dmsTo("U0BOB")).isEmpty();

        // 18:00 UTC is 10:00 in Los Angeles.
        at("2026-11-30T18:00:00Z");
        assertThat(invitations("U0BOB", round1)).hasSize(1);
        assertThat(driver.response(round1, "U0BOB").getString("dmTs")).isNotNull();
        assertThat(invitations("U0ALICE", round1)).hasSize(1);
        assertThat(driver.checkIn(round1).getList("participants", String.class))
                .containsExactlyInAnyOrder("U0ALICE", "U0BOB");

        // Round 2, a week later, the same way.
        at("2026-12-07T00:59:00Z");
        assertThat(rounds(objective)).hasSize(1);
        at("2026-12-07T01:00:00Z");
        String round2 = awaitRound(objective, 2).getString("id");
        assertThat(round2).isNotEqualTo(round1);
        assertThat(invitations("U0ALICE", round2)).hasSize(1);
        assertThat(invitations("U0BOB", round2)).isEmpty();
        at("2026-12-07T17:59:00Z");
        assertThat(invitations("U0BOB", round2)).isEmpty();
        at("2026-12-07T18:00:00Z");
        assertThat(invitations("U0BOB", round2)).hasSize(1);

        // Exactly one invitation each per round, and nothing came twice.
        for (String round : List.of(round1, round2)) {
            assertThat(invitations("U0ALICE", round)).as("Alice in %s", round).hasSize(1);
            assertThat(invitations("U0BOB", round)).as("Bob in %s", round).hasSize(1);
            assertThat(parents(CHANNEL, round)).as("parent of %s", round).hasSize(1);
        }
        assertThat(rounds(objective)).hasSize(2);
    }
}
