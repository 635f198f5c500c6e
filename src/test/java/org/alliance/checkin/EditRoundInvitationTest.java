package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.alliance.checkin.TestCheckIns.checkIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Someone added to a running check-in is invited at once; added to a round of a recurring
 * check-in, they are invited at the round's time on their own clock, like everyone else in it.
 */
class EditRoundInvitationTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant DANS_ROUND_TIME = NOW.plusSeconds(5 * 3600);

    private final RecordingMessenger messenger = new RecordingMessenger();
    private final CheckInSchedule schedule = mock(CheckInSchedule.class);
    private final List<Object> published = new ArrayList<>();
    private TestCheckIns stored;
    private CheckIn running;

    @BeforeEach
    void store() {
        stored = new TestCheckIns(InMemoryMongo.freshDatabase());
        running = stored.store(checkIn("CHK234").participants("U0ANN", "U0DAN").createdAt(NOW).build());
    }

    private EditAnnouncer announcer(Optional<Instant> roundTime) {
        Recurring recurring = new Recurring() {
            @Override
            public SetUp start(StartRequest request, String every, java.time.LocalTime at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> stop(String teamId, String id, String userId) {
                return Optional.empty();
            }

            @Override
            public List<String> describeLedBy(String teamId, String leaderId) {
                return List.of();
            }

            @Override
            public Optional<Instant> roundInvitation(String teamId, String checkInId, String userId) {
                return "U0DAN".equals(userId) ? roundTime : Optional.empty();
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new EditAnnouncer(stored.responses, messenger, schedule, mock(Ending.class),
                new ChangeNotices(published::add, clock), new Stripes(), recurring, clock);
    }

    private static CheckInEditor.Outcome.Changed added(CheckIn c, String userId) {
        return new CheckInEditor.Outcome.Changed(c, List.of(userId), List.of(), List.of(), false);
    }

    @Test
    void addedToAOneOffCheckInTheyAreInvitedAtOnce() {
        announcer(Optional.empty()).announce(added(running, "U0DAN"));

        assertThat(messenger.callsOf("invite")).containsExactly("invite CHK234 U0DAN");
        verify(schedule).invited(eq(running), eq("U0DAN"), eq(NOW));
        verify(schedule, never()).inviteLater(any(), anyString(), any());
    }

    @Test
    void addedToARoundTheyAreInvitedAtTheRoundsTimeOnTheirClock() {
        announcer(Optional.of(DANS_ROUND_TIME)).announce(added(running, "U0DAN"));

        assertThat(messenger.callsOf("invite")).isEmpty();
        verify(schedule).inviteLater(running, "U0DAN", DANS_ROUND_TIME);
    }

    @Test
    void addedToARoundWhoseTimeHasComeOnTheirClockTheyAreInvitedAtOnce() {
        announcer(Optional.of(NOW.minusSeconds(60))).announce(added(running, "U0DAN"));

        assertThat(messenger.callsOf("invite")).containsExactly("invite CHK234 U0DAN");
        verify(schedule, never()).inviteLater(any(), anyString(), any());
    }
}
