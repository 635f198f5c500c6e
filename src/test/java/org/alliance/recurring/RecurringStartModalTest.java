package org.alliance.recurring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.mongodb.client.model.Filters;
import org.alliance.support.StartFormState;
import org.alliance.support.FakeSlack;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The start modal's Repeat and time fields set up a series, not a one-off check-in. */
class RecurringStartModalTest extends RecurringScenario {

    private static final String CHANNEL = "C0MODALREPEAT";

    @Test
    void repeatEveryWeekAtHalfPastEightSetsUpAWeeklySeries() {
        String objective = objective("Modal weekly");
        // Answers are due two days after the form was sent; every round keeps that much time.
        Instant due = clock.instant().plus(Duration.ofDays(2));
        var ack = requests.interaction(requests.viewSubmission(LEADER, StartFormState.CALLBACK_ID, CHANNEL,
                StartFormState.of("trust", objective, List.of("U0CAROL"), CHANNEL, "thread", due).repeat("1w", "08:30").json()));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ackText(ack)).isEmpty();

        // The leader is told by DM (the form is gone), with the series id.
        FakeSlack.Call told = await().atMost(WAIT).until(() -> posts(c -> LEADER.equals(c.param("channel"))
                && c.param("text") != null && SET_UP.matcher(c.param("text")).find()).stream().findFirst()
                .orElse(null), c -> c != null);
        String id = seriesIdIn(told.param("text"));
        assertThat(told.param("text")).contains("every week at 08:30").contains("Tue 1 Dec 2026 at 08:30");

        Document doc = db.getCollection("series").find(Filters.eq("series.objective", objective)).first();
        assertThat(doc).as("series document").isNotNull();
        assertThat(doc.getString("_id")).isEqualTo(id);
        Document series = doc.get("series", Document.class);
        assertThat(series.getString("cadence")).isEqualTo("1w");
        assertThat(series.getDate("at")).isEqualTo(wallClock("1970-01-01T08:30"));
        assertThat(series.getString("status")).isEqualTo("ACTIVE");
        assertThat(series.getString("leaderId")).isEqualTo(LEADER);
        assertThat(series.getString("purpose")).isEqualTo("trust");
        assertThat(series.getString("channelId")).isEqualTo(CHANNEL);
        assertThat(series.getString("visibility")).isEqualTo("THREAD");
        assertThat(series.getList("userIds", String.class)).containsExactly("U0CAROL");
        assertThat(series.getString("dueIn")).isEqualTo("PT48H");
        // Monday 10:00 in London is past 08:30, so the first round is on Tuesday.
        assertThat(series.getDate("next")).isEqualTo(wallClock("2026-12-01T08:30"));
        // Nothing was started yet: no one-off check-in from the form.
        assertThat(rounds(objective)).isEmpty();

        // Tuesday 07:30 UTC is 08:30 for Carol in Berlin.
        at("2026-12-01T07:29:00Z");
        assertThat(rounds(objective)).isEmpty();
        at("2026-12-01T07:30:00Z");
        Document round = awaitRound(objective, 1);
        assertThat(round.getString("title")).endsWith("(round 1)");
        assertThat(round.getString("visibility")).isEqualTo("THREAD");
        assertThat(round.getDate("dueAt").toInstant()).isEqualTo(Instant.parse("2026-12-03T07:30:00Z"));
        assertThat(invitations("U0CAROL", round.getString("id"))).hasSize(1);
        assertThat(parents(CHANNEL, round.getString("id"))).hasSize(1);
    }
}
