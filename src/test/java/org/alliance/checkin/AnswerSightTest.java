package org.alliance.checkin;

import org.junit.jupiter.api.Test;

import static org.alliance.checkin.TestCheckIns.LEADER;
import static org.assertj.core.api.Assertions.assertThat;

/** The rule history and every later view share: what one viewer may see of one person's part in a check-in. */
class AnswerSightTest {

    private static final String ANN = "U0ANN";
    private static final String BOB = "U0BOB";

    private static CheckIn checkIn(Visibility visibility) {
        return TestCheckIns.checkIn("K2345A").participants(ANN, BOB).visibility(visibility).build();
    }

    @Test
    void theAuthorSeesAllOfTheirOwnPartWhateverTheVisibilityAnonymousIncluded() {
        for (Visibility v : Visibility.values()) {
            assertThat(AnswerSight.of(checkIn(v), ANN, ANN)).as("%s", v).isEqualTo(AnswerSight.EVERYTHING);
        }
    }

    @Test
    void theLeaderSeesAnswersPromisedToThemOrToTheThread() {
        assertThat(AnswerSight.of(checkIn(Visibility.LEADER), ANN, LEADER)).isEqualTo(AnswerSight.EVERYTHING);
        assertThat(AnswerSight.of(checkIn(Visibility.THREAD), ANN, LEADER)).isEqualTo(AnswerSight.EVERYTHING);
    }

    @Test
    void inAnAnonymousCheckInTheLeaderSeesOnlyThatThePersonWasAsked() {
        assertThat(AnswerSight.of(checkIn(Visibility.ANONYMOUS), ANN, LEADER)).isEqualTo(AnswerSight.ASKED_ONLY);
    }

    @Test
    void anotherParticipantNeverSeesSomeoneElsesPartEvenWhenItWasSharedInTheThread() {
        for (Visibility v : Visibility.values()) {
            assertThat(AnswerSight.of(checkIn(v), ANN, BOB)).as("%s", v).isEqualTo(AnswerSight.NOTHING);
            assertThat(AnswerSight.of(checkIn(v), ANN, "U0STRANGER")).as("%s", v).isEqualTo(AnswerSight.NOTHING);
        }
    }

    @Test
    void someoneWhoWasNotAskedHasNoPartToSee() {
        assertThat(AnswerSight.of(checkIn(Visibility.LEADER), "U0CAROL", LEADER)).isEqualTo(AnswerSight.NOTHING);
        assertThat(AnswerSight.of(checkIn(Visibility.LEADER), "U0CAROL", "U0CAROL")).isEqualTo(AnswerSight.NOTHING);
        assertThat(AnswerSight.of(checkIn(Visibility.LEADER), ANN, null)).isEqualTo(AnswerSight.NOTHING);
    }

    @Test
    void aLeaderWhoAskedThemselvesSeesTheirOwnAnonymousAnswerButNotTheOthers() {
        CheckIn c = TestCheckIns.checkIn("K2345B").participants(LEADER, ANN).visibility(Visibility.ANONYMOUS).build();
        assertThat(AnswerSight.of(c, LEADER, LEADER)).isEqualTo(AnswerSight.EVERYTHING);
        assertThat(AnswerSight.of(c, ANN, LEADER)).isEqualTo(AnswerSight.ASKED_ONLY);
    }
}
