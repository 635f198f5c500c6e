package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.alliance.questions.Question;
import org.alliance.support.InMemoryMongo;
import org.alliance.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.checkin.TestCheckIns.HELP;
import static org.alliance.checkin.TestCheckIns.HOW;
import static org.alliance.checkin.TestCheckIns.MOOD;
import static org.alliance.checkin.TestCheckIns.TEAM;
import static org.alliance.checkin.TestCheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;

/** Answering, skipping and editing, on the real repositories in memory, with no Spring and a clock set by hand. */
class AnsweringTest {

    private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");


    private final MutableClock clock = new MutableClock(START.plus(Duration.ofHours(1)));
    private final RecordingMessenger messenger = new RecordingMessenger();
    private TestCheckIns stored;
    private Answering answering;
    private CheckIn checkIn;

    @BeforeEach
    void openCheckIn() {
        stored = new TestCheckIns(InMemoryMongo.freshDatabase());
        answering = new Answering(stored.checkIns, stored.responses, messenger, clock);
        checkIn = stored.store(checkIn("CHK234").participants("U0ANN", "U0BOB").questions(HOW, MOOD, HELP)
                .createdAt(START).build());
    }

    private Response responseOf(String userId) {
        return stored.responses.find("CHK234", userId).orElseThrow();
    }

    private void end(CheckInStatus status) {
        stored.checkIns.endIfOpen(checkIn.ended(status, clock.instant())).orElseThrow();
    }

    // --- opening the modal ---

    @Test
    void aParticipantMayOpenTheirAnswer() {
        Answering.Opening opening = answering.open(TEAM, "CHK234", "U0ANN");

        assertThat(opening).isInstanceOfSatisfying(Answering.Opening.Allowed.class, allowed -> {
            assertThat(allowed.checkIn().id()).isEqualTo("CHK234");
            assertThat(allowed.response().userId()).isEqualTo("U0ANN");
            assertThat(allowed.response().status()).isEqualTo(ResponseStatus.PENDING);
        });
    }

    @Test
    void opensNothingForAnUnknownCheckInOrOneOfAnotherTeam() {
        assertThat(answering.open(TEAM, "NOPE23", "U0ANN")).isEqualTo(
                new Answering.Opening.Refused("I can't find check-in `NOPE23` any more."));
        assertThat(answering.open("T2", "CHK234", "U0ANN")).isEqualTo(
                new Answering.Opening.Refused("I can't find check-in `CHK234` any more."));
    }

    @Test
    void opensNothingForSomeoneNotAsked() {
        assertThat(answering.open(TEAM, "CHK234", "U0EVE")).isInstanceOfSatisfying(Answering.Opening.Refused.class,
                r -> assertThat(r.message()).contains("wasn't sent to you"));
        assertThat(answering.open(TEAM, "CHK234", TestCheckIns.LEADER))
                .isInstanceOf(Answering.Opening.Refused.class);
    }

    @Test
    void opensNothingOnceSkippedOrEnded() {
        answering.skip(TEAM, "CHK234", "U0ANN", null);
        assertThat(answering.open(TEAM, "CHK234", "U0ANN")).isInstanceOfSatisfying(Answering.Opening.Refused.class,
                r -> assertThat(r.message()).contains("You skipped"));

        end(CheckInStatus.CLOSED);
        assertThat(answering.open(TEAM, "CHK234", "U0BOB")).isInstanceOfSatisfying(Answering.Opening.Refused.class,
                r -> assertThat(r.message()).contains("has closed"));
    }

    // --- the modal's answers ---

    @Test
    void submittingRecordsTheAnswersAtTheClocksTime() {
        AnswerOutcome outcome = answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", "Good week", "mood", " 4 ",
                "help", ""));

        assertThat(outcome).isInstanceOfSatisfying(AnswerOutcome.Recorded.class, recorded -> {
            assertThat(recorded.checkIn().id()).isEqualTo("CHK234");
            assertThat(recorded.response().status()).isEqualTo(ResponseStatus.ANSWERED);
        });
        Response ann = responseOf("U0ANN");
        assertThat(ann.status()).isEqualTo(ResponseStatus.ANSWERED);
        // A scale is stored stripped; a blank answer is left out; text is kept as typed.
        assertThat(ann.answers()).containsOnly(Map.entry("how", "Good week"), Map.entry("mood", "4"));
        assertThat(ann.answeredAt()).isEqualTo(clock.instant());
        assertThat(responseOf("U0BOB").status()).isEqualTo(ResponseStatus.PENDING);
    }

    @Test
    void submittingAgainIsAnEdit() {
        answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", "Good week", "help", "Time"));
        clock.advance(Duration.ofMinutes(10));

        AnswerOutcome edit = answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", "Better week"));

        assertThat(edit).isInstanceOf(AnswerOutcome.Recorded.class);
        assertThat(responseOf("U0ANN").answers()).containsExactly(Map.entry("how", "Better week"));
        assertThat(responseOf("U0ANN").answeredAt()).isEqualTo(clock.instant());
    }

    @Test
    void aScaleAnswerOutOfRangeStoresNothing() {
        AnswerOutcome outcome = answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", "Fine", "mood", "6"));

        assertThat(outcome).isEqualTo(new AnswerOutcome.Invalid(Map.of("mood", "Please answer with a number from 1 to 5.")));
        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.PENDING);
        assertThat(responseOf("U0ANN").answers()).isEmpty();
    }

    @Test
    void anAnswerMayBeAsLongAsTheLimitButNoLonger() {
        String longest = "x".repeat(Question.MAX_ANSWER_LENGTH);

        AnswerOutcome tooLong = answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", longest + "x"));
        assertThat(tooLong).isInstanceOfSatisfying(AnswerOutcome.Invalid.class,
                invalid -> assertThat(invalid.problems()).containsOnlyKeys("how"));
        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.PENDING);

        assertThat(answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", longest)))
                .isInstanceOf(AnswerOutcome.Recorded.class);
        assertThat(responseOf("U0ANN").answers().get("how")).hasSize(Question.MAX_ANSWER_LENGTH);
    }

    @Test
    void nothingButBlanksIsNotAnAnswer() {
        Map<String, String> blanks = new HashMap<>();
        blanks.put("how", "  ");
        blanks.put("mood", null);

        AnswerOutcome outcome = answering.submit(TEAM, "CHK234", "U0ANN", blanks);

        assertThat(outcome).isInstanceOfSatisfying(AnswerOutcome.Invalid.class,
                invalid -> {
                    assertThat(invalid.problems()).containsOnlyKeys("how");
                    assertThat(invalid.problems().get("how")).contains("at least one question").contains("Not now");
                });
        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.PENDING);
    }

    @Test
    void answersToQuestionsNotAskedAreNotKept() {
        answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", "Fine", "invented", "sneaky"));

        assertThat(responseOf("U0ANN").answers()).containsOnlyKeys("how");
    }

    @Test
    void submittingIsRefusedToSomeoneNotAskedAndAfterTheEnd() {
        assertThat(answering.submit(TEAM, "CHK234", "U0EVE", Map.of("how", "Fine")))
                .isInstanceOfSatisfying(AnswerOutcome.Refused.class,
                        r -> assertThat(r.message()).contains("wasn't sent to you"));

        answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", "Fine"));
        end(CheckInStatus.STOPPED);

        assertThat(answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", "Changed")))
                .isInstanceOfSatisfying(AnswerOutcome.Refused.class,
                        r -> assertThat(r.message()).contains("has been stopped"));
        assertThat(responseOf("U0ANN").answers()).containsExactly(Map.entry("how", "Fine"));
        assertThat(answering.submit(TEAM, "CHK234", "U0BOB", Map.of("how", "Late")))
                .isInstanceOf(AnswerOutcome.Refused.class);
    }

    @Test
    void aMissedResponseCannotBeAnsweredEvenIfTheCheckInLooksOpen() {
        // A close that has marked the responses but whose status change this reader has not seen yet.
        stored.responses.markMissed("CHK234", clock.instant());

        assertThat(answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", "Fine")))
                .isEqualTo(new AnswerOutcome.Refused("Your answer to check-in `CHK234` can't be changed any more."));
        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.MISSED);
    }

    // --- Not now ---

    @Test
    void skippingKeepsTheReasonStripped() {
        AnswerOutcome outcome = answering.skip(TEAM, "CHK234", "U0ANN", "  On leave  ");

        assertThat(outcome).isInstanceOf(AnswerOutcome.Recorded.class);
        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.SKIPPED);
        assertThat(responseOf("U0ANN").skipReason()).isEqualTo("On leave");
        assertThat(responseOf("U0ANN").updatedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aBlankReasonIsNoReason() {
        answering.skip(TEAM, "CHK234", "U0ANN", "   ");

        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.SKIPPED);
        assertThat(responseOf("U0ANN").skipReason()).isNull();
    }

    @Test
    void aReasonMayBeAsLongAsTheLimitButNoLonger() {
        String longest = "x".repeat(Question.MAX_ANSWER_LENGTH);

        assertThat(answering.skip(TEAM, "CHK234", "U0ANN", " " + longest + "x "))
                .isInstanceOfSatisfying(AnswerOutcome.Invalid.class,
                        invalid -> assertThat(invalid.problems()).containsOnlyKeys("reason"));
        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.PENDING);

        assertThat(answering.skip(TEAM, "CHK234", "U0ANN", " " + longest + " ")).isInstanceOf(AnswerOutcome.Recorded.class);
    }

    @Test
    void anAnswerCannotBeSkippedButASkipCannotBeAnsweredEither() {
        answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", "Fine"));
        assertThat(answering.skip(TEAM, "CHK234", "U0ANN", null)).isInstanceOfSatisfying(AnswerOutcome.Refused.class,
                r -> assertThat(r.message()).contains("already answered").contains("edit"));
        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.ANSWERED);

        answering.skip(TEAM, "CHK234", "U0BOB", "Away");
        assertThat(answering.submit(TEAM, "CHK234", "U0BOB", Map.of("how", "Back")))
                .isInstanceOfSatisfying(AnswerOutcome.Refused.class, r -> assertThat(r.message()).contains("skipped"));
        assertThat(answering.skip(TEAM, "CHK234", "U0BOB", "Twice")).isInstanceOf(AnswerOutcome.Refused.class);
        assertThat(responseOf("U0BOB").skipReason()).isEqualTo("Away");
    }

    @Test
    void skippingAnEndedCheckInIsRefused() {
        end(CheckInStatus.CLOSED);

        assertThat(answering.skip(TEAM, "CHK234", "U0ANN", null)).isInstanceOfSatisfying(AnswerOutcome.Refused.class,
                r -> assertThat(r.message()).contains("has closed"));
        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.PENDING);
    }

    // --- the DM thread ---

    private void invite(String userId, String dmChannel, String dmTs) {
        stored.responses.invited(Response.idOf("CHK234", userId), dmChannel, dmTs).orElseThrow();
    }

    private AnswerOutcome reply(String userId, String text, String ts) {
        return answering.threadReply(TEAM, "D0" + userId.substring(2), "20.1", userId, text, ts);
    }

    @Test
    void theThreadAsksOneQuestionAfterAnotherAndThanksAtTheEnd() {
        invite("U0ANN", "D0ANN", "20.1");

        assertThat(reply("U0ANN", " Good week ", "30.1")).isInstanceOf(AnswerOutcome.Ignored.class);
        assertThat(messenger.callsOf("askInThread")).containsExactly("askInThread CHK234 U0ANN 1");
        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.PENDING);

        assertThat(reply("U0ANN", "4", "30.2")).isInstanceOf(AnswerOutcome.Ignored.class);
        assertThat(messenger.callsOf("askInThread")).endsWith("askInThread CHK234 U0ANN 2");

        AnswerOutcome last = reply("U0ANN", "More focus time", "30.3");

        assertThat(last).isInstanceOfSatisfying(AnswerOutcome.Recorded.class,
                r -> assertThat(r.response().status()).isEqualTo(ResponseStatus.ANSWERED));
        assertThat(responseOf("U0ANN").answers()).containsOnly(Map.entry("how", "Good week"), Map.entry("mood", "4"),
                Map.entry("help", "More focus time"));
        assertThat(responseOf("U0ANN").answeredAt()).isEqualTo(clock.instant());
        assertThat(messenger.callsOf("replyInThread")).singleElement().asString().contains("Thank you");
    }

    @Test
    void aRedeliveredOrOlderReplyIsNotTakenTwice() {
        invite("U0ANN", "D0ANN", "20.1");
        reply("U0ANN", "Good week", "30.2");

        assertThat(reply("U0ANN", "Good week", "30.2")).isInstanceOf(AnswerOutcome.Ignored.class);
        assertThat(reply("U0ANN", "Earlier", "30.1")).isInstanceOf(AnswerOutcome.Ignored.class);

        assertThat(responseOf("U0ANN").threadNext()).isEqualTo(1);
        assertThat(responseOf("U0ANN").answers()).containsExactly(Map.entry("how", "Good week"));
        assertThat(messenger.callsOf("askInThread")).hasSize(1);
    }

    @Test
    void repliesOutsideACheckInThreadAreLeftToOthersAndBySomeoneElseAreIgnored() {
        invite("U0ANN", "D0ANN", "20.1");

        assertThat(answering.threadReply(TEAM, "D0ANN", "20.9", "U0ANN", "Hi", "30.1"))
                .isInstanceOf(AnswerOutcome.NotAnAnswerThread.class);
        assertThat(answering.threadReply(TEAM, "D0ANN", "20.1", "U0BOB", "Hi", "30.1"))
                .isInstanceOf(AnswerOutcome.Ignored.class);
        assertThat(answering.threadReply("T2", "D0ANN", "20.1", "U0ANN", "Hi", "30.1"))
                .isInstanceOf(AnswerOutcome.NotAnAnswerThread.class);

        assertThat(responseOf("U0ANN").threadNext()).isZero();
        assertThat(messenger.calls).isEmpty();
    }

    @Test
    void aBadReplyIsExplainedAndTheQuestionStaysOpen() {
        invite("U0ANN", "D0ANN", "20.1");
        reply("U0ANN", "Fine", "30.1");

        assertThat(reply("U0ANN", "seven", "30.2")).isEqualTo(
                new AnswerOutcome.Invalid(Map.of("mood", "Please answer with a number from 1 to 5.")));
        assertThat(reply("U0ANN", "   ", "30.3")).isInstanceOf(AnswerOutcome.Invalid.class);

        assertThat(messenger.callsOf("replyInThread")).containsExactly(
                "replyInThread U0ANN Please answer with a number from 1 to 5.",
                "replyInThread U0ANN Please reply with your answer, or `skip`.");
        assertThat(responseOf("U0ANN").threadNext()).isEqualTo(1);
        assertThat(reply("U0ANN", "3", "30.4")).isInstanceOf(AnswerOutcome.Ignored.class);
        assertThat(responseOf("U0ANN").answers()).containsEntry("mood", "3");
    }

    @Test
    void skipLeavesOneQuestionOut() {
        invite("U0ANN", "D0ANN", "20.1");

        reply("U0ANN", "Fine", "30.1");
        reply("U0ANN", "SKIP", "30.2");
        AnswerOutcome last = reply("U0ANN", "Time", "30.3");

        assertThat(last).isInstanceOf(AnswerOutcome.Recorded.class);
        assertThat(responseOf("U0ANN").answers()).containsOnly(Map.entry("how", "Fine"), Map.entry("help", "Time"));
    }

    @Test
    void skippingEveryQuestionIsASkip() {
        invite("U0ANN", "D0ANN", "20.1");

        reply("U0ANN", "skip", "30.1");
        reply("U0ANN", "skip", "30.2");
        AnswerOutcome last = reply("U0ANN", " Skip ", "30.3");

        assertThat(last).isInstanceOfSatisfying(AnswerOutcome.Recorded.class,
                r -> assertThat(r.response().status()).isEqualTo(ResponseStatus.SKIPPED));
        assertThat(responseOf("U0ANN").status()).isEqualTo(ResponseStatus.SKIPPED);
        assertThat(responseOf("U0ANN").answeredAt()).isNull();
        assertThat(messenger.callsOf("replyInThread")).singleElement().asString().contains("marked this check-in as skipped");
    }

    @Test
    void theThreadRefusesOnceAnsweredSkippedOrEnded() {
        invite("U0ANN", "D0ANN", "20.1");
        invite("U0BOB", "D0BOB", "20.1");
        answering.submit(TEAM, "CHK234", "U0ANN", Map.of("how", "Fine"));
        answering.skip(TEAM, "CHK234", "U0BOB", null);

        assertThat(reply("U0ANN", "More", "30.1")).isInstanceOfSatisfying(AnswerOutcome.Refused.class,
                r -> assertThat(r.message()).contains("already answered").contains("Edit"));
        assertThat(reply("U0BOB", "Back", "30.1")).isInstanceOfSatisfying(AnswerOutcome.Refused.class,
                r -> assertThat(r.message()).contains("You skipped"));
        assertThat(messenger.callsOf("replyInThread")).hasSize(2);

        end(CheckInStatus.COMPLETED);
        assertThat(reply("U0ANN", "More", "30.2")).isInstanceOfSatisfying(AnswerOutcome.Refused.class,
                r -> assertThat(r.message()).contains("has completed"));
        assertThat(messenger.callsOf("replyInThread")).hasSize(3).last().asString().contains("has completed");
        assertThat(responseOf("U0ANN").answers()).containsExactly(Map.entry("how", "Fine"));
    }
}
