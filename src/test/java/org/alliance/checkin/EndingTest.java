package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import org.alliance.schedule.Job;
import org.alliance.schedule.Schedule;
import org.alliance.schedule.Schedules;
import org.alliance.support.InMemoryMongo;
import org.alliance.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.checkin.TestCheckIns.LEADER;
import static org.alliance.checkin.TestCheckIns.TEAM;
import static org.alliance.checkin.TestCheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;

/** Completing, closing and stopping, on the real repositories and schedule in memory, with no Spring. */
class EndingTest {

    private static final Instant START = Instant.parse("2025-01-06T09:00:00Z");
    /** The default {@link FollowUpSettings}: the leader is reminded two weeks after the end. */
    private static final Duration FOLLOW_UP_AFTER = Duration.ofDays(14);

    private final MutableClock clock = new MutableClock(START.plus(Duration.ofHours(1)));
    private final RecordingMessenger messenger = new RecordingMessenger();
    private TestCheckIns stored;
    private Schedule schedule;
    private Ending ending;
    private final List<Object> published = new ArrayList<>();
    private CheckIn checkIn;

    @BeforeEach
    void openCheckIn() {
        MongoDatabase database = InMemoryMongo.freshDatabase();
        stored = new TestCheckIns(database);
        schedule = Schedules.on(database, clock);
        ending = new Ending(stored.checkIns, stored.responses, messenger, new Stripes(),
                TestCheckIns.checkInSchedule(schedule), new ChangeNotices(published::add, clock), clock);
        checkIn = stored.store(checkIn("CHK234").participants("U0ANN", "U0BOB").createdAt(START).build());
    }

    private CheckIn storedCheckIn() {
        return stored.checkIns.find(TEAM, "CHK234").orElseThrow();
    }

    private ResponseStatus statusOf(String userId) {
        return stored.responses.find("CHK234", userId).orElseThrow().status();
    }

    private void answer(String userId) {
        stored.responses.answered(Response.idOf("CHK234", userId), Map.of("how", "Fine"), clock.instant())
                .orElseThrow();
    }

    private void skip(String userId) {
        stored.responses.skipped(Response.idOf("CHK234", userId), null, clock.instant()).orElseThrow();
    }

    // --- complete when everyone is in ---

    @Test
    void doesNotCompleteWhileSomeoneIsStillToAnswer() {
        answer("U0ANN");

        ending.completeIfAllIn(TEAM, "CHK234");

        assertThat(storedCheckIn().isOpen()).isTrue();
        assertThat(messenger.calls).isEmpty();
        assertThat(published).isEmpty();
        assertThat(schedule.upcoming(CheckInSchedule.FOLLOW_UP, "checkInId", "CHK234")).isEmpty();
    }

    @Test
    void doesNotCompleteWhileAParticipantsResponseIsStillToBeStored() {
        // A large start stores its responses while the first people are invited and answer.
        stored.checkIns.replace(checkIn.changed(List.of("U0ANN", "U0BOB", "U0CAT"), checkIn.dueAt()));
        answer("U0ANN");
        answer("U0BOB");

        ending.completeIfAllIn(TEAM, "CHK234");

        assertThat(storedCheckIn().isOpen()).isTrue();
        assertThat(messenger.callsOf("sendLeaderSummary")).isEmpty();
    }

    @Test
    void completesOnceEveryoneAnsweredOrSkipped() {
        answer("U0ANN");
        skip("U0BOB");

        ending.completeIfAllIn(TEAM, "CHK234");

        CheckIn completed = storedCheckIn();
        assertThat(completed.status()).isEqualTo(CheckInStatus.COMPLETED);
        assertThat(completed.closedAt()).isEqualTo(clock.instant());
        assertThat(messenger.callsOf("sendLeaderSummary"))
                .containsExactly("sendLeaderSummary CHK234 COMPLETED 1 of 2 answered, 1 skipped");
        assertThat(messenger.callsOf("updateParent")).containsExactly(
                "updateParent CHK234 COMPLETED 1 of 2 answered, 1 skipped");
        assertThat(schedule.upcoming(CheckInSchedule.FOLLOW_UP, "checkInId", "CHK234")).singleElement()
                .extracting(Job::dueAt).isEqualTo(clock.instant().plus(FOLLOW_UP_AFTER));
        assertThat(published).containsExactly(new CheckInChanged(TestCheckIns.TEAM, "CHK234", completed.leaderId(),
                CheckInChanged.Change.ENDED, List.of(completed.leaderId(), "U0ANN", "U0BOB"), clock.instant()));
    }

    @Test
    void completingTwiceSummarisesOnce() {
        answer("U0ANN");
        answer("U0BOB");

        ending.completeIfAllIn(TEAM, "CHK234");
        clock.advance(Duration.ofMinutes(1));
        ending.completeIfAllIn(TEAM, "CHK234");

        assertThat(messenger.callsOf("sendLeaderSummary")).hasSize(1);
        assertThat(storedCheckIn().closedAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
    }

    @Test
    void anUnknownCheckInIsNothingToComplete() {
        ending.completeIfAllIn(TEAM, "NOPE23");

        assertThat(messenger.calls).isEmpty();
    }

    // --- close at the due time ---

    @Test
    void closingMarksWhoeverIsMissingAsMissed() {
        answer("U0ANN");
        clock.set(checkIn.dueAt());

        assertThat(ending.close(checkIn)).isTrue();

        assertThat(storedCheckIn().status()).isEqualTo(CheckInStatus.CLOSED);
        assertThat(storedCheckIn().closedAt()).isEqualTo(checkIn.dueAt());
        assertThat(statusOf("U0ANN")).isEqualTo(ResponseStatus.ANSWERED);
        assertThat(statusOf("U0BOB")).isEqualTo(ResponseStatus.MISSED);
        assertThat(messenger.callsOf("sendLeaderSummary"))
                .containsExactly("sendLeaderSummary CHK234 CLOSED 1 of 2 answered, 1 missed");
        assertThat(schedule.upcoming(CheckInSchedule.FOLLOW_UP, "checkInId", "CHK234")).singleElement()
                .extracting(Job::dueAt).isEqualTo(checkIn.dueAt().plus(FOLLOW_UP_AFTER));
    }

    @Test
    void onlyTheFirstCloseCounts() {
        clock.set(checkIn.dueAt());

        assertThat(ending.close(checkIn)).isTrue();
        // A second instance, holding the check-in as it was when it was still open.
        assertThat(ending.close(checkIn)).isFalse();

        assertThat(messenger.callsOf("sendLeaderSummary")).hasSize(1);
    }

    @Test
    void aCheckInThatEndedOtherwiseIsNotClosedAndNobodyIsMarkedMissed() {
        answer("U0ANN");
        assertThat(ending.stop(TEAM, "CHK234", LEADER)).isInstanceOf(Ending.StopOutcome.Stopped.class);
        clock.set(checkIn.dueAt());

        assertThat(ending.close(checkIn)).isFalse();

        assertThat(storedCheckIn().status()).isEqualTo(CheckInStatus.STOPPED);
        assertThat(statusOf("U0BOB")).isEqualTo(ResponseStatus.PENDING);
        assertThat(messenger.callsOf("sendLeaderSummary")).isEmpty();
    }

    // --- stop by the leader ---

    @Test
    void theLeaderStopsItAndKeepsTheAnswersGiven() {
        answer("U0ANN");

        Ending.StopOutcome outcome = ending.stop(TEAM, " chk234 ", LEADER);

        assertThat(outcome).isInstanceOfSatisfying(Ending.StopOutcome.Stopped.class, stopped -> {
            assertThat(stopped.checkIn().status()).isEqualTo(CheckInStatus.STOPPED);
            assertThat(stopped.checkIn().closedAt()).isEqualTo(clock.instant());
            assertThat(stopped.progress()).isEqualTo(new Progress(2, 1, 0, 0, 1));
        });
        assertThat(storedCheckIn().status()).isEqualTo(CheckInStatus.STOPPED);
        assertThat(statusOf("U0ANN")).isEqualTo(ResponseStatus.ANSWERED);
        assertThat(statusOf("U0BOB")).as("a stop does not call anyone missing").isEqualTo(ResponseStatus.PENDING);
        assertThat(schedule.upcoming(CheckInSchedule.FOLLOW_UP, "checkInId", "CHK234")).hasSize(1);
        // The summary is the caller's to send, after Slack's ack.
        assertThat(messenger.calls).isEmpty();
    }

    @Test
    void onlyTheLeaderMayStopIt() {
        Ending.StopOutcome outcome = ending.stop(TEAM, "CHK234", "U0ANN");

        assertThat(outcome).isEqualTo(new Ending.StopOutcome.Refused(
                "Only <@U0LEAD>, who started check-in `CHK234`, can stop it."));
        assertThat(storedCheckIn().isOpen()).isTrue();
    }

    @Test
    void stoppingSomethingUnknownOrOfAnotherTeamFindsNothing() {
        assertThat(ending.stop(TEAM, "<!here>", LEADER)).isInstanceOfSatisfying(Ending.StopOutcome.NotFound.class,
                notFound -> assertThat(notFound.message()).contains("`&lt;!here&gt;`"));
        assertThat(ending.stop("T2", "CHK234", LEADER)).isInstanceOf(Ending.StopOutcome.NotFound.class);
        assertThat(storedCheckIn().isOpen()).isTrue();
    }

    @Test
    void anEndedCheckInCannotBeStopped() {
        answer("U0ANN");
        answer("U0BOB");
        ending.completeIfAllIn(TEAM, "CHK234");

        assertThat(ending.stop(TEAM, "CHK234", LEADER)).isEqualTo(
                new Ending.StopOutcome.Refused("Check-in `CHK234` has already completed."));
        assertThat(storedCheckIn().status()).isEqualTo(CheckInStatus.COMPLETED);
    }

    // --- the follow-up after any end ---

    @Test
    void theFollowUpUpdatesTheDmsOfEveryoneButThoseWhoSkipped() {
        stored.responses.invited(Response.idOf("CHK234", "U0ANN"), "D0ANN", "20.1").orElseThrow();
        stored.responses.invited(Response.idOf("CHK234", "U0BOB"), "D0BOB", "20.1").orElseThrow();
        skip("U0BOB");
        clock.set(checkIn.dueAt());

        ending.close(checkIn);

        assertThat(messenger.callsOf("updateInvitation")).containsExactly("updateInvitation CHK234 U0ANN MISSED");
        assertThat(messenger.callsOf("postAnonymousSummary")).isEmpty();
        assertThat(messenger.callsOf("anonymousBelowThreshold")).isEmpty();
    }

    @Test
    void anAnonymousCheckInShowsItsSummaryOnlyFromTheThreshold() {
        CheckIn anonymous = stored.store(checkIn("ANON23").participants("U0ANN", "U0BOB", "U0CAT")
                .visibility(Visibility.ANONYMOUS).anonymousThreshold(2).createdAt(START).build());
        CheckIn few = stored.store(checkIn("ANON24").participants("U0ANN", "U0BOB", "U0CAT")
                .visibility(Visibility.ANONYMOUS).anonymousThreshold(2).createdAt(START).build());
        stored.answer("ANON23", "U0ANN", Map.of("how", "Fine"), clock.instant());
        stored.answer("ANON23", "U0BOB", Map.of("how", "Busy"), clock.instant());
        stored.answer("ANON24", "U0ANN", Map.of("how", "Fine"), clock.instant());
        clock.set(anonymous.dueAt());

        ending.close(anonymous);
        ending.close(few);

        assertThat(messenger.callsOf("postAnonymousSummary")).containsExactly("postAnonymousSummary ANON23 3");
        assertThat(messenger.callsOf("anonymousBelowThreshold")).containsExactly("anonymousBelowThreshold ANON24 1");
        assertThat(messenger.callsOf("sendLeaderSummary")).hasSize(2);
    }

    @Test
    void aFailingStepDoesNotStopTheOthers() {
        messenger.fail("updateParent");
        clock.set(checkIn.dueAt());

        assertThat(ending.close(checkIn)).isTrue();

        assertThat(messenger.callsOf("updateParent")).hasSize(1);
        assertThat(messenger.callsOf("sendLeaderSummary")).hasSize(1);
    }
}
