package org.alliance.recurring;

import java.time.Duration;
import java.util.List;

import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code @Alliance start … every:} in a channel sets up a series, as the command and the form do. */
class RecurringMentionTest extends RecurringScenario {

    private static final String CHANNEL = "C0MENTIONREPEAT";
    /** A thread the leader started earlier and mentions the bot in. */
    private static final String THREAD = "1764496000.000100";

    @Test
    void aMentionWithEverySetsUpASeriesWhoseRoundsEachStartAThreadInTheMentionsChannel() {
        String objective = objective("Mention weekly");
        mention("start trust <@U0CAROL> every:1w at:15:00 objective:\"" + objective + "\"", THREAD);

        // The leader is told in the channel, and why the rounds won't be in the thread they wrote in.
        FakeSlack.Call told = awaitEphemeralToLeader();
        assertThat(told.param("channel")).isEqualTo(CHANNEL);
        String id = seriesIdIn(told.param("text"));
        assertThat(told.param("text")).contains("every week at 15:00").contains("Mon 30 Nov 2026 at 15:00")
                .contains("its own thread in <#" + CHANNEL + ">").contains("won't be in the thread you mentioned me in");
        Document series = series(id);
        assertThat(series.getString("channelId")).isEqualTo(CHANNEL);
        assertThat(series.getString("cadence")).isEqualTo("1w");
        assertThat(series.getDate("at")).isEqualTo(wallClock("1970-01-01T15:00"));
        assertThat(series.getString("objective")).isEqualTo(objective);
        assertThat(series.getList("userIds", String.class)).containsExactly("U0CAROL");
        // Nothing is started at once: no one-off check-in in the mention's thread.
        settle();
        assertThat(rounds(objective)).isEmpty();

        // Monday 14:00 UTC is 15:00 for Carol in Berlin.
        at("2026-11-30T13:59:00Z");
        assertThat(rounds(objective)).isEmpty();
        at("2026-11-30T14:00:00Z");
        Document round = awaitRound(objective, 1);
        String roundId = round.getString("id");
        assertThat(round.getString("channelId")).isEqualTo(CHANNEL);
        assertThat(parents(CHANNEL, roundId)).hasSize(1);
        assertThat(round.getString("threadTs")).isEqualTo(round.getString("parentTs")).isNotEqualTo(THREAD);
        assertThat(posts(c -> THREAD.equals(c.param("thread_ts")))).isEmpty();
        assertThat(invitations("U0CAROL", roundId)).hasSize(1);
    }

    @Test
    void aMentionWithAtButNoEveryIsRefusedAsTheCommandIs() {
        String objective = objective("At alone");
        String arguments = "start trust <@U0CAROL> at:10:00 objective:\"" + objective + "\"";
        String byCommand = ackText(driver.command(LEADER, CHANNEL, arguments));
        assertThat(byCommand).contains("`at:` sets the time of a recurring check-in").contains("`every:1w`");

        mention(arguments, null);

        assertThat(awaitEphemeralToLeader().param("text")).isEqualTo(byCommand);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> seriesWithObjective(objective) == 0
                && rounds(objective).isEmpty());
    }

    private void mention(String text, String threadTs) {
        assertThat(requests.event(requests.appMention(LEADER, CHANNEL, text, threadTs)).statusCode()).isEqualTo(200);
    }

    private static FakeSlack.Call awaitEphemeralToLeader() {
        return await().atMost(WAIT).until(() -> {
            List<FakeSlack.Call> told = slack.calls("chat.postEphemeral").stream()
                    .filter(c -> LEADER.equals(c.param("user"))).toList();
            return told.isEmpty() ? null : told.get(0);
        }, c -> c != null);
    }
}
