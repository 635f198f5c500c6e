package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.alliance.questions.Question;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.alliance.checkin.TestCheckIns.HELP;
import static org.alliance.checkin.TestCheckIns.HOW;
import static org.alliance.checkin.TestCheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/** The check-in's own rules, with no Spring, no database and the time passed in. */
class CheckInTest {

    private static final Instant CREATED = Instant.parse("2025-01-06T09:00:00Z");

    private static CheckIn withTimes(Instant createdAt, Instant dueAt) {
        return new CheckIn("CHK234", "T1", "U0LEAD", "team-health", "Team health", "objective", List.of(HOW),
                List.of("U0ANN"), "C0TEAM", null, null, Visibility.LEADER, 3, dueAt, createdAt, CheckInStatus.OPEN,
                null, null, null);
    }

    @Test
    void mustBeDueAfterItStartsNotAtTheSameInstant() {
        assertThatThrownBy(() -> withTimes(CREATED, CREATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("due after it starts");
        assertThatThrownBy(() -> withTimes(CREATED, CREATED.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(withTimes(CREATED, CREATED.plusNanos(1)).dueAt()).isEqualTo(CREATED.plusNanos(1));
    }

    @Test
    void needsAtLeastOneParticipant() {
        assertThatThrownBy(() -> checkIn("CHK234").participants().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one participant");
    }

    @Test
    void keepsItsOwnCopiesOfQuestionsAndParticipants() {
        List<Question> questions = new ArrayList<>(List.of(HOW));
        List<String> participants = new ArrayList<>(List.of("U0ANN"));
        CheckIn c = new CheckIn("CHK234", "T1", "U0LEAD", "p", "t", "o", questions, participants, "C0TEAM", null, null,
                Visibility.LEADER, 3, CREATED.plusSeconds(60), CREATED, CheckInStatus.OPEN, null, null, null);

        questions.add(HELP);
        participants.add("U0BOB");

        assertThat(c.questions()).containsExactly(HOW);
        assertThat(c.participants()).containsExactly("U0ANN");
        assertThat(c.isParticipant("U0BOB")).isFalse();
        assertThatThrownBy(() -> c.participants().add("U0BOB")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.questions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aParticipantOfAnOpenCheckInMayAnswer() {
        CheckIn c = checkIn("CHK234").participants("U0ANN", "U0BOB").build();

        assertThat(c.isOpen()).isTrue();
        assertThat(c.isParticipant("U0ANN")).isTrue();
        assertThat(c.refusalToAnswer("U0ANN")).isEmpty();
        assertThat(c.refusalToAnswer("U0BOB")).isEmpty();
    }

    @Test
    void someoneNotAskedMayNotAnswerNotEvenTheLeader() {
        CheckIn c = checkIn("CHK234").participants("U0ANN").build();

        assertThat(c.refusalToAnswer("U0EVE")).get(STRING)
                .contains("CHK234").contains("wasn't sent to you");
        assertThat(c.refusalToAnswer(c.leaderId())).isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = CheckInStatus.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void anEndedCheckInTakesNoMoreAnswersAndSaysHowItEnded(CheckInStatus status) {
        CheckIn ended = checkIn("CHK234").participants("U0ANN").build().ended(status, CREATED.plusSeconds(60));

        assertThat(ended.isOpen()).isFalse();
        assertThat(ended.refusalToAnswer("U0ANN")).get(STRING)
                .contains("has " + ended.endedWord()).contains("can no longer be given or changed");
        // Someone never asked hears that first: the check-in was never theirs.
        assertThat(ended.refusalToAnswer("U0EVE")).get(STRING)
                .contains("wasn't sent to you");
    }

    @Test
    void eachEndHasItsOwnWord() {
        CheckIn open = checkIn("CHK234").build();
        Instant at = CREATED.plusSeconds(60);

        assertThat(open.endedWord()).isEqualTo("not ended");
        assertThat(open.ended(CheckInStatus.COMPLETED, at).endedWord()).isEqualTo("completed");
        assertThat(open.ended(CheckInStatus.CLOSED, at).endedWord()).isEqualTo("closed");
        assertThat(open.ended(CheckInStatus.STOPPED, at).endedWord()).isEqualTo("been stopped");
    }

    @ParameterizedTest
    @EnumSource(value = CheckInStatus.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void endingSetsStatusAndTimeAndNothingElse(CheckInStatus status) {
        CheckIn open = checkIn("CHK234").build().withParent("1.1", null).withLeaderThread("D0LEAD", "3.1");
        Instant at = CREATED.plus(Duration.ofHours(5));

        CheckIn ended = open.ended(status, at);

        assertThat(ended.status()).isEqualTo(status);
        assertThat(ended.closedAt()).isEqualTo(at);
        assertThat(ended).usingRecursiveComparison().ignoringFields("status", "closedAt").isEqualTo(open);
        assertThat(open.isOpen()).as("the open check-in is left as it was").isTrue();
        assertThat(open.closedAt()).isNull();
    }

    @Test
    void canEndAtTheDueTimeOrAfterIt() {
        CheckIn open = checkIn("CHK234").build();

        assertThat(open.ended(CheckInStatus.CLOSED, open.dueAt()).closedAt()).isEqualTo(open.dueAt());
        assertThat(open.ended(CheckInStatus.CLOSED, open.dueAt().plusSeconds(1)).closedAt())
                .isEqualTo(open.dueAt().plusSeconds(1));
    }

    @Test
    void endingNeedsAFinalStatus() {
        CheckIn open = checkIn("CHK234").build();

        assertThatThrownBy(() -> open.ended(CheckInStatus.OPEN, CREATED.plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("final status");
    }

    @ParameterizedTest
    @EnumSource(value = CheckInStatus.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void anEndedCheckInCannotEndAgainInAnyWay(CheckInStatus first) {
        CheckIn ended = checkIn("CHK234").build().ended(first, CREATED.plusSeconds(60));

        for (CheckInStatus again : List.of(CheckInStatus.COMPLETED, CheckInStatus.CLOSED, CheckInStatus.STOPPED)) {
            assertThatThrownBy(() -> ended.ended(again, CREATED.plusSeconds(120)))
                    .as("%s then %s", first, again)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("has already " + ended.endedWord());
        }
        assertThatThrownBy(() -> ended.ended(CheckInStatus.OPEN, CREATED.plusSeconds(120)))
                .as("reopening").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void threadsAreSetWithoutTouchingTheRest() {
        CheckIn open = checkIn("CHK234").build();

        CheckIn posted = open.withParent("1.1", "0.9");
        assertThat(posted.parentTs()).isEqualTo("1.1");
        assertThat(posted.threadTs()).isEqualTo("0.9");
        assertThat(posted).usingRecursiveComparison().ignoringFields("parentTs", "threadTs").isEqualTo(open);

        CheckIn withLeader = posted.withLeaderThread("D0LEAD", "3.1");
        assertThat(withLeader.leaderChannelId()).isEqualTo("D0LEAD");
        assertThat(withLeader.leaderThreadTs()).isEqualTo("3.1");
        assertThat(withLeader).usingRecursiveComparison().ignoringFields("leaderChannelId", "leaderThreadTs")
                .isEqualTo(posted);
        assertThat(open.parentTs()).isNull();
    }

    @Test
    void findsItsQuestionsById() {
        CheckIn c = checkIn("CHK234").questions(HOW, HELP).build();

        assertThat(c.question("help")).contains(HELP);
        assertThat(c.question("mood")).isEmpty();
    }
}
