package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alliance.questions.Question;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The one decision every start path shares: once now, a series, or neither. */
class StartCheckInTest {

    private static final LocalTime TEN = LocalTime.of(10, 0);

    private final CheckInStarter starter = mock(CheckInStarter.class);
    private final List<String> seriesAsked = new ArrayList<>();
    private final List<String> playbooksAsked = new ArrayList<>();
    private Recurring.SetUp seriesAnswer = new Recurring.SetUp(true, ":repeat: Recurring check-in `R2345A` is set up.");
    private final StartCheckIn starting = new StartCheckIn(starter, new Recurring() {
        @Override
        public SetUp start(StartRequest request, String every, LocalTime at) {
            seriesAsked.add(request.channelId() + " every:" + every + " at:" + at);
            return seriesAnswer;
        }

        @Override
        public Optional<String> stop(String teamId, String id, String userId) {
            return Optional.empty();
        }

        @Override
        public List<String> describeLedBy(String teamId, String leaderId) {
            return List.of();
        }
    }, (request, ask) -> {
        playbooksAsked.add(request.channelId() + " " + ask.purpose());
        return Playbooks.Started.refused("not in this test");
    });

    @Test
    void atWithoutEveryIsRefusedBeforeAnythingIsAsked() {
        StartCheckIn.Repeat repeat = new StartCheckIn.Repeat(null, TEN);

        assertThat(StartCheckIn.refusedAtOnce(repeat)).contains(StartCheckIn.AT_WITHOUT_EVERY);
        StartCheckIn.Reply reply = starting.start(request(null), repeat);

        assertThat(reply).isEqualTo(new StartCheckIn.Reply(StartCheckIn.AT_WITHOUT_EVERY, null));
        assertThat(seriesAsked).isEmpty();
        verifyNoInteractions(starter);
    }

    @Test
    void everySetsUpASeriesAndStartsNothingNow() {
        StartCheckIn.Reply reply = starting.start(request(null), new StartCheckIn.Repeat("1w", TEN));

        assertThat(seriesAsked).containsExactly("C0TEAM every:1w at:10:00");
        assertThat(reply).isEqualTo(new StartCheckIn.Reply(seriesAnswer.message(), null));
        verifyNoInteractions(starter);
    }

    @Test
    void aSeriesAskedForInAThreadSaysWhyItsRoundsAreNotThere() {
        StartCheckIn.Reply reply = starting.start(request("1764496000.000100"), new StartCheckIn.Repeat("1w", TEN));

        assertThat(reply.text()).isEqualTo(seriesAnswer.message() + StartCheckIn.NOT_IN_THIS_THREAD);
    }

    @Test
    void aRefusedSeriesIsOnlyRefusedEvenInAThread() {
        seriesAnswer = Recurring.SetUp.refused("I don't know the purpose `nosuch`.");

        StartCheckIn.Reply reply = starting.start(request("1764496000.000100"), new StartCheckIn.Repeat("1w", TEN));

        assertThat(reply.text()).isEqualTo(":warning: I don't know the purpose `nosuch`.");
    }

    @Test
    void withoutEveryOneCheckInStartsAndTheLeaderIsToldInItsChannel() {
        StartRequest request = request(null);
        CheckIn checkIn = new CheckIn("K2345A", "T0001", "U0LEADER", "trust", "Building trust", "Trust",
                List.of(Question.text("important", "What is important?")), List.of("U0ALICE"), "C0OTHER", "1.1", "1.1",
                Visibility.LEADER, 3, Instant.EPOCH.plus(Duration.ofDays(1)), Instant.EPOCH, CheckInStatus.OPEN, null,
                null, null);
        when(starter.start(request)).thenReturn(new StartOutcome.Started(checkIn, List.of()));

        StartCheckIn.Reply reply = starting.start(request, new StartCheckIn.Repeat(null, null));

        assertThat(reply.startedIn()).isEqualTo("C0OTHER");
        assertThat(reply.text()).contains("Check-in `K2345A` started in <#C0OTHER>");
        assertThat(seriesAsked).isEmpty();
    }

    @Test
    void aRefusedCheckInHasNoChannelToBeToldIn() {
        StartRequest request = request(null);
        when(starter.start(request)).thenReturn(new StartOutcome.Refused("Please choose at least one person to ask."));

        StartCheckIn.Reply reply = starting.start(request, new StartCheckIn.Repeat(null, null));

        assertThat(reply).isEqualTo(new StartCheckIn.Reply(":warning: Please choose at least one person to ask.", null));
    }

    private static StartRequest request(String threadTs) {
        return new StartRequest("T0001", "U0LEADER", "trust", null, List.of(), List.of("U0ALICE"), List.of(), List.of(),
                "C0TEAM", threadTs, null, null, null);
    }
}
