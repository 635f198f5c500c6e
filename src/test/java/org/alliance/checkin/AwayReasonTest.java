package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.alliance.checkin.TestCheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;

/** Only the reason the bot writes for someone away is shown as it is; a typed look-alike is the person's own text. */
class AwayReasonTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void theBotsOwnReasonIsRecognisedAndNothingElse() {
        assertThat(AwayReason.isAway(AwayReason.until(NOW.plusSeconds(86_400)))).isTrue();
        assertThat(AwayReason.isAway("Away until <!channel>")).isFalse();
        assertThat(AwayReason.isAway("Away until my holiday is over")).isFalse();
        assertThat(AwayReason.isAway(AwayReason.until(NOW) + " <!here>")).isFalse();
        assertThat(AwayReason.isAway(null)).isFalse();
    }

    @Test
    void statusEscapesATypedLookAlikeAndKeepsItPrivateWhenAnonymous() {
        Response typed = skipped("U0ANN", "Away until <!channel>");
        Response away = skipped("U0BOB", AwayReason.until(NOW.plusSeconds(86_400)));

        String leaderOnly = StatusCommand.render(status(Visibility.LEADER, typed, away));
        assertThat(leaderOnly).contains("Away until &lt;!channel&gt;").doesNotContain("<!channel>")
                .contains("(" + away.skipReason() + ")");

        String anonymous = StatusCommand.render(status(Visibility.ANONYMOUS, typed, away));
        assertThat(anonymous).doesNotContain("channel").contains("(" + away.skipReason() + ")");
    }

    private static Response skipped(String userId, String reason) {
        return new Response(Response.idOf("CHK234", userId), TestCheckIns.TEAM, "CHK234", userId,
                ResponseStatus.SKIPPED, null, reason, null, null, 0, null, null, NOW, NOW);
    }

    private static CheckInQueries.Status status(Visibility visibility, Response... responses) {
        CheckIn c = checkIn("CHK234").participants("U0ANN", "U0BOB").visibility(visibility).createdAt(NOW).build();
        List<Response> all = List.of(responses);
        return new CheckInQueries.Status(c, Progress.of(all), all, List.of(), true, Optional.empty(), List.of());
    }
}
