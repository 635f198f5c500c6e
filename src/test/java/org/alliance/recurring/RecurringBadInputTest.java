package org.alliance.recurring;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a leader hears when a schedule can't be read, and that a cron schedule can. */
class RecurringBadInputTest extends RecurringScenario {

    private static final String CHANNEL = "C0BADREPEAT";

    @Test
    void anUnknownCadenceIsExplainedAndStoresNothing() {
        String objective = objective("Every 3x");
        String said = ackText(driver.command(LEADER, CHANNEL, "start trust <@U0CAROL> <#" + CHANNEL + "|b> every:3x "
                + "objective:\"" + objective + "\""));
        assertThat(said).contains("`every:3x`").contains("isn't a schedule I understand")
                .contains("`every:1w`").contains("`every:2w`").contains("`every:1mo`");
        assertNothingStored(objective);
    }

    @Test
    void anImpossibleTimeOfDayIsExplainedAndStoresNothing() {
        String objective = objective("At 25");
        String said = ackText(driver.command(LEADER, CHANNEL, "start trust <@U0CAROL> <#" + CHANNEL + "|b> every:1w "
                + "at:25:00 objective:\"" + objective + "\""));
        assertThat(said).contains("`at:25:00`").contains("isn't a time I understand").contains("HH:MM");
        assertNothingStored(objective);
    }

    @Test
    void aCronThatWouldFireEveryMinuteIsExplainedAndStoresNothing() {
        String objective = objective("Every minute");
        String reply = commandReply(LEADER, CHANNEL, "start trust <@U0CAROL> <#" + CHANNEL + "|b> "
                + "every:\"* 10 * * MON\" objective:\"" + objective + "\"");
        assertThat(reply).startsWith(":warning:").contains("more than one round").contains("0 10 * * MON");
        assertNothingStored(objective);
    }

    @Test
    void aCronScheduleSetsUpASeriesWhoseRoundsFollowIt() {
        // Tuesday 1 December: the next Monday 10:00 is on 7 December, 09:00 UTC for Carol in Berlin.
        at("2026-12-01T12:00:00Z");
        String objective = objective("Cron");
        String reply = commandReply(LEADER, CHANNEL, "start trust <@U0CAROL> <#" + CHANNEL + "|b> "
                + "every:\"0 10 * * MON\" objective:\"" + objective + "\"");
        String id = seriesIdIn(reply);
        assertThat(reply).contains("`0 10 * * MON`").contains("Mon 7 Dec 2026 at 10:00").doesNotContain("`at:`");
        Document series = series(id);
        assertThat(series.getString("cadence")).isEqualTo("cron:0 10 * * MON");
        assertThat(series.getString("status")).isEqualTo("ACTIVE");
        assertThat(series.getDate("next")).isEqualTo(wallClock("2026-12-07T10:00"));

        at("2026-12-07T08:59:00Z");
        assertThat(rounds(objective)).isEmpty();
        at("2026-12-07T09:00:00Z");
        String round = awaitRound(objective, 1).getString("id");
        assertThat(invitations("U0CAROL", round)).hasSize(1);
        assertThat(parents(CHANNEL, round)).hasSize(1);
        assertThat(series(id).getDate("next")).isEqualTo(wallClock("2026-12-14T10:00"));
    }

    @Test
    void aCronScheduleSaysThatItsOwnTimeWinsOverAt() {
        at("2026-12-01T12:00:00Z");
        String objective = objective("Cron with at");
        String reply = commandReply(LEADER, CHANNEL, "start trust <@U0CAROL> <#" + CHANNEL + "|b> "
                + "every:\"0 10 * * MON\" at:08:00 objective:\"" + objective + "\"");

        assertThat(reply).contains("Mon 7 Dec 2026 at 10:00").contains("`at:` is not used");
    }

    private void assertNothingStored(String objective) {
        // Give any background work the time it would need to store something, then check it didn't.
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> seriesWithObjective(objective) == 0
                && rounds(objective).isEmpty());
        settle();
        assertThat(rounds(objective)).isEmpty();
    }
}
