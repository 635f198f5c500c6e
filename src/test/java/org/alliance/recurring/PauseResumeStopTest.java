package org.alliance.recurring;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

/** Managing a series: pause, resume, stop and list, by its leader only. */
class PauseResumeStopTest extends RecurringScenario {

    private String command(String userId, String channel, String text) {
        return ackText(driver.command(userId, channel, text));
    }

    @Test
    void pausedOccurrencesGetNoRoundAndAreNotMadeUpStopEndsTheSeriesAndOnlyTheLeaderMayDoEither() {
        String channel = "C0PAUSE";
        String objective = objective("Pausing");
        // Monday 10:00 UTC. Rounds at 12:00: 11:00 UTC for Carol in Berlin.
        String setUp = commandReply(LEADER, channel, "start trust <@U0CAROL> <#" + channel
                + "|pause> every:1w at:12:00 objective:\"" + objective + "\"");
        String id = seriesIdIn(setUp);
        // A local wall-clock time in words, never an ISO date.
        assertThat(setUp).contains("The first round is on Mon 30 Nov 2026 at 12:00").doesNotContain("2026-11-30");
        assertThat(series(id).getDate("next")).isEqualTo(wallClock("2026-11-30T12:00"));

        // Nobody else may touch it.
        for (String verb : new String[] {"pause", "resume", "stop"}) {
            assertThat(command("U0ALICE", channel, verb + " " + id)).as(verb)
                    .contains("Only <@" + LEADER + ">").contains(id).contains("can change it");
        }
        assertThat(series(id).getString("status")).isEqualTo("ACTIVE");

        assertThat(command(LEADER, channel, "pause " + id)).contains(id).contains("paused");
        assertThat(series(id).getString("status")).isEqualTo("PAUSED");
        assertThat(command(LEADER, channel, "pause " + id)).contains("already paused");

        // The occurrence comes and goes without a round.
        at("2026-11-30T11:00:00Z");
        assertThat(jobs(RecurringCheckIns.ROUND.name(), "seriesId", id)).singleElement()
                .satisfies(j -> assertThat(j.getString("status")).isEqualTo("DONE"));
        at("2026-11-30T13:00:00Z");
        assertThat(rounds(objective)).isEmpty();
        assertThat(dmsTo("U0CAROL")).isEmpty();
        assertThat(posts(c -> channel.equals(c.param("channel")))).isEmpty();
        // ...and so does the next one.
        at("2026-12-08T10:00:00Z");
        assertThat(rounds(objective)).isEmpty();

        // Resumed on Tuesday 8 December: the rounds of 30 November and 7 December are not made up.
        assertThat(command(LEADER, channel, "resume " + id)).contains(id).contains("running again")
                .contains("Mon 14 Dec 2026 at 12:00").doesNotContain("2026-12-14");
        Document resumed = series(id);
        assertThat(resumed.getString("status")).isEqualTo("ACTIVE");
        assertThat(resumed.getDate("next")).isEqualTo(wallClock("2026-12-14T12:00"));
        settle();
        assertThat(rounds(objective)).isEmpty();
        assertThat(dmsTo("U0CAROL")).isEmpty();

        at("2026-12-14T10:59:00Z");
        assertThat(rounds(objective)).isEmpty();
        at("2026-12-14T11:00:00Z");
        Document round = awaitRound(objective, 1);
        assertThat(round.getString("title")).endsWith("(round 1)");
        assertThat(invitations("U0CAROL", round.getString("id"))).hasSize(1);
        assertThat(parents(channel, round.getString("id"))).hasSize(1);

        // The leader's list shows the series with its cadence; Alice leads nothing of it.
        String list = command(LEADER, channel, "list");
        assertThat(list).contains("Recurring check-ins you lead");
        assertThat(lineWith(list, "`" + id + "`")).contains("*Building trust*").doesNotContain(" trust in")
                .contains("every week at 12:00").contains("active")
                .contains("next round Mon 21 Dec 2026 at 12:00").contains("1 round so far").contains("<#" + channel + ">");
        assertThat(command("U0ALICE", channel, "list")).doesNotContain(id);

        // Stopped: no more rounds.
        assertThat(command(LEADER, channel, "stop " + id)).contains(id).contains("stopped").contains("no more rounds");
        assertThat(series(id).getString("status")).isEqualTo("STOPPED");
        assertThat(lineWith(command(LEADER, channel, "list"), "`" + id + "`")).contains("stopped")
                .doesNotContain("next round");
        assertThat(command(LEADER, channel, "resume " + id)).contains("nothing to resume");
        int carolsInvitations = invitationsTo("U0CAROL");
        at("2026-12-21T11:00:00Z");
        at("2026-12-28T11:00:00Z");
        assertThat(rounds(objective)).hasSize(1);
        assertThat(invitationsTo("U0CAROL")).isEqualTo(carolsInvitations);
        assertThat(series(id).getString("status")).isEqualTo("STOPPED");
    }

    @Test
    void resumingAfterTheSkippedRoundWentByWaitsForTheNextOccurrence() {
        String channel = "C0RESUME";
        String objective = objective("Resuming");
        // Rounds at 12:00: the round's job runs at 11:00 UTC, when it's 12:00 for Carol in Berlin.
        String id = startSeries(channel, "trust <@U0CAROL> <#" + channel + "|resume> every:1w at:12:00 objective:\""
                + objective + "\"");
        assertThat(command(LEADER, channel, "pause " + id)).contains("paused");
        at("2026-11-30T11:00:00Z");
        assertThat(jobs(RecurringCheckIns.ROUND.name(), "seriesId", id)).singleElement()
                .satisfies(j -> assertThat(j.getString("status")).isEqualTo("DONE"));

        // 11:30 UTC: 11:30 for the leader in London, but Carol's 12:00 has passed.
        at("2026-11-30T11:30:00Z");
        String reply = command(LEADER, channel, "resume " + id);
        assertThat(reply).contains("running again");
        assertThat(series(id).getString("status")).isEqualTo("ACTIVE");

        // The missed round is not made up.
        at("2026-11-30T12:00:00Z");
        assertThat(rounds(objective)).isEmpty();
        assertThat(dmsTo("U0CAROL")).isEmpty();

        // The next occurrence gets its round.
        assertThat(reply).contains("Mon 7 Dec 2026 at 12:00");
        at("2026-12-07T11:00:00Z");
        Document round = awaitRound(objective, 1);
        assertThat(invitations("U0CAROL", round.getString("id"))).hasSize(1);
        assertThat(series(id).getInteger("rounds")).isEqualTo(1);
    }

    private static int invitationsTo(String userId) {
        return posts(c -> userId.equals(c.param("channel")) && c.param("thread_ts") == null).size();
    }

    private static String lineWith(String text, String piece) {
        return text.lines().filter(l -> l.contains(piece)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + piece + " in:\n" + text));
    }
}
