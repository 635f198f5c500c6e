package org.alliance.checkin;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.alliance.checkin.TestCheckIns.HELP;
import static org.alliance.checkin.TestCheckIns.HOW;
import static org.alliance.checkin.TestCheckIns.MOOD;
import static org.alliance.checkin.TestCheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A response's own rules. Its changes of status (answer, edit, skip, miss) are conditional
 * updates in {@link ResponseRepository}; {@code ResponseRepositoryTest} covers those.
 */
class ResponseTest {

    private static final Instant NOW = Instant.parse("2025-01-06T09:00:00Z");

    private static Response withAnswers(Map<String, String> answers) {
        return new Response("CHK234:U0ANN", "T1", "CHK234", "U0ANN", ResponseStatus.ANSWERED, answers, null, null, null,
                0, null, null, NOW, NOW);
    }

    @Test
    void oneResponsePerPersonAndCheckInByItsId() {
        assertThat(Response.idOf("CHK234", "U0ANN")).isEqualTo("CHK234:U0ANN");
        assertThat(Response.idOf("CHK234", "U0ANN")).isNotEqualTo(Response.idOf("CHK234", "U0BOB"))
                .isNotEqualTo(Response.idOf("CHK235", "U0ANN"));
    }

    @Test
    void pendingWaitsForTheFirstQuestionWithNothingAnswered() {
        Response r = Response.pending("T1", "CHK234", "U0ANN", NOW);

        assertThat(r.id()).isEqualTo("CHK234:U0ANN");
        assertThat(r.teamId()).isEqualTo("T1");
        assertThat(r.status()).isEqualTo(ResponseStatus.PENDING);
        assertThat(r.status().outstanding()).isTrue();
        assertThat(r.answers()).isEmpty();
        assertThat(r.threadNext()).isZero();
        assertThat(r.answeredAt()).isNull();
        assertThat(r.skipReason()).isNull();
        assertThat(r.dmTs()).isNull();
        assertThat(r.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void someoneAwayIsSkippedWithTheReason() {
        Response r = Response.away("T1", "CHK234", "U0ANN", "Snoozed until 20 January", NOW);

        assertThat(r.id()).isEqualTo("CHK234:U0ANN");
        assertThat(r.status()).isEqualTo(ResponseStatus.SKIPPED);
        assertThat(r.status().outstanding()).isFalse();
        assertThat(r.skipReason()).isEqualTo("Snoozed until 20 January");
        assertThat(r.answers()).isEmpty();
        assertThat(r.answeredAt()).isNull();
        assertThat(r.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void onlyPendingIsOutstanding() {
        assertThat(ResponseStatus.PENDING.outstanding()).isTrue();
        assertThat(List.of(ResponseStatus.ANSWERED, ResponseStatus.SKIPPED, ResponseStatus.MISSED))
                .noneMatch(ResponseStatus::outstanding);
    }

    @Test
    void answersAreItsOwnUnmodifiableCopy() {
        Map<String, String> typed = new HashMap<>(Map.of("how", "Fine"));
        Response r = withAnswers(typed);

        typed.put("help", "More time");

        assertThat(r.answers()).containsExactly(Map.entry("how", "Fine"));
        assertThatThrownBy(() -> r.answers().put("mood", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void missingAnswersAreAnEmptyMap() {
        assertThat(withAnswers(null).answers()).isEmpty();
    }

    @Test
    void orderedAnswersFollowTheQuestionsAndLeaveOutBlanksAndStrangers() {
        CheckIn checkIn = checkIn("CHK234").questions(HOW, MOOD, HELP).build();
        Response r = withAnswers(Map.of("help", "More time", "mood", "  ", "how", "Fine", "gone", "old question"));

        assertThat(r.orderedAnswers(checkIn)).containsExactly(Map.entry("how", "Fine"), Map.entry("help", "More time"));
    }
}
