package org.alliance.recurring;

import java.util.List;
import java.util.Map;

import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Someone away is left out of rounds (and their reminders) until they are back. */
class SnoozedRoundsTest extends RecurringScenario {

    /** Snoozes outlive the test (and the clock is set back for the next): leave nobody away. */
    @AfterEach
    void wakeUp() {
        wakeEveryone();
    }

    @Test
    void aSnoozedPersonIsSkippedInTheNextRoundWithoutDmOrReminderAndIsBackInTheFollowingOne() {
        String channel = "C0SNOOZE";
        // Sunday 29 November, 12:00 UTC. Carol is away for ten days: until Wednesday 9 December, 12:00 UTC.
        at("2026-11-29T12:00:00Z");
        assertThat(ackText(driver.command("U0CAROL", "D0CAROL", "snooze 10d"))).contains("away until");
        String objective = objective("Snoozing");
        // Every two weeks at 11:00: 02:00 UTC for Alice in Tokyo, 10:00 UTC for Carol in Berlin.
        String id = startSeries(channel, "trust <@U0ALICE> <@U0CAROL> <#" + channel + "|s> every:2w at:11:00 "
                + "objective:\"" + objective + "\"");

        // Round 1 on Monday 30 November: Carol is skipped as away, Alice is asked.
        at("2026-11-30T02:00:00Z");
        String round1 = awaitRound(objective, 1).getString("id");
        Document carol = driver.response(round1, "U0CAROL");
        assertThat(carol.getString("status")).isEqualTo("SKIPPED");
        assertThat(carol.getString("skipReason")).startsWith("Away until");
        assertThat(carol.getString("dmTs")).isNull();
        assertThat(invitations("U0ALICE", round1)).hasSize(1);
        assertThat(jobs("checkin.invite", "checkInId", round1)).isEmpty();

        // Through Carol's 11:00, Alice's two reminders and the deadline: nothing ever reaches Carol.
        // Alice's reminders come 2 and 5 hours after her invitation, 13:00 and 16:00 in Tokyo.
        at("2026-11-30T04:00:00Z");
        at("2026-11-30T07:00:00Z");
        at("2026-11-30T10:00:00Z");
        at("2026-12-03T12:00:00Z");
        assertThat(dmsTo("U0CAROL")).isEmpty();
        String aliceDm = driver.response(round1, "U0ALICE").getString("dmTs");
        List<FakeSlack.Call> aliceReminders = posts(c -> "DU0ALICE".equals(c.param("channel"))
                && aliceDm.equals(c.param("thread_ts")) && c.param("text").contains("reminder"));
        assertThat(aliceReminders).as("reminders do run for Alice").hasSize(2);
        List<Document> reminderJobs = jobs("checkin.remind", "checkInId", round1);
        assertThat(reminderJobs).isNotEmpty().allSatisfy(j ->
                assertThat(j.get("data", Document.class).getString("userId")).isEqualTo("U0ALICE"));
        assertThat(driver.response(round1, "U0CAROL").getString("status")).isEqualTo("SKIPPED");
        driver.awaitStatus(round1, "CLOSED");

        // Her snooze ended on 9 December; round 2 on Monday 14 December asks her at her 11:00.
        at("2026-12-14T02:00:00Z");
        String round2 = awaitRound(objective, 2).getString("id");
        assertThat(driver.response(round2, "U0CAROL").getString("status")).isEqualTo("PENDING");
        assertThat(invitations("U0CAROL", round2)).isEmpty();
        at("2026-12-14T10:00:00Z");
        assertThat(invitations("U0CAROL", round2)).hasSize(1);
        Document back = driver.response(round2, "U0CAROL");
        assertThat(back.getString("status")).isEqualTo("PENDING");
        assertThat(back.getString("dmTs")).isNotNull();
        assertThat(jobs("checkin.remind", "checkInId", round2)).anySatisfy(j ->
                assertThat(j.get("data", Document.class).getString("userId")).isEqualTo("U0CAROL"));
    }

    @Test
    void someoneWhoSnoozesAfterTheRoundBeganButBeforeTheirOwnTimeIsSkippedToo() {
        String channel = "C0SNOOZE2";
        at("2026-11-29T12:00:00Z");
        String objective = objective("Snoozing late");
        startSeries(channel, "trust <@U0ALICE> <@U0CAROL> <#" + channel + "|s> every:1w at:11:00 "
                + "objective:\"" + objective + "\"");

        // The round starts at Alice's 11:00 (02:00 UTC); Carol's invitation waits for her 11:00 (10:00 UTC).
        at("2026-11-30T02:00:00Z");
        String round = awaitRound(objective, 1).getString("id");
        assertThat(driver.response(round, "U0CAROL").getString("status")).isEqualTo("PENDING");
        driver.submitAnswers("U0ALICE", round, Map.of("important", "Before Carol's morning", "openness", "3"));
        driver.awaitResponseStatus(round, "U0ALICE", "ANSWERED");

        // Carol goes away before her invitation is due.
        at("2026-11-30T06:00:00Z");
        assertThat(ackText(driver.command("U0CAROL", "D0CAROL", "snooze 3d"))).contains("away until");
        at("2026-11-30T10:00:00Z");
        assertThat(dmsTo("U0CAROL")).isEmpty();
        Document carol = driver.response(round, "U0CAROL");
        assertThat(carol.getString("status")).isEqualTo("SKIPPED");
        assertThat(carol.getString("skipReason")).startsWith("Away until");
        assertThat(jobs("checkin.remind", "checkInId", round)).noneSatisfy(j ->
                assertThat(j.get("data", Document.class).getString("userId")).isEqualTo("U0CAROL"));
        // With Alice answered and Carol away, everyone is in.
        driver.awaitStatus(round, "COMPLETED");
    }

    @Test
    void aLateSnoozeShowsInTheRoundsProgressWhileOthersAreStillWaiting() {
        String channel = "C0SNOOZE3";
        at("2026-11-29T12:00:00Z");
        String objective = objective("Snoozing late, others waiting");
        startSeries(channel, "trust <@U0ALICE> <@U0CAROL> <#" + channel + "|s> every:1w at:11:00 "
                + "objective:\"" + objective + "\"");

        at("2026-11-30T02:00:00Z");
        String round = awaitRound(objective, 1).getString("id");
        at("2026-11-30T06:00:00Z");
        assertThat(ackText(driver.command("U0CAROL", "D0CAROL", "snooze 3d"))).contains("away until");
        at("2026-11-30T10:00:00Z");

        // Alice has not answered, so the round stays open; its parent already shows Carol away, not asked.
        assertThat(driver.response(round, "U0CAROL").getString("status")).isEqualTo("SKIPPED");
        assertThat(driver.checkIn(round).getString("status")).isEqualTo("OPEN");
        assertThat(slack.calls("chat.update")).anySatisfy(c -> {
            assertThat(c.param("channel")).isEqualTo(channel);
            assertThat(org.alliance.support.CheckInDriver.said(c)).contains("0 of 1 answered, 1 away")
                    .contains("*Away, not asked:* <@U0CAROL> (until");
        });
    }
}
