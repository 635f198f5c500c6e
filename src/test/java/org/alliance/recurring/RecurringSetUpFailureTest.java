package org.alliance.recurring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.alliance.checkin.CheckInStarter;
import org.alliance.checkin.Recurring;
import org.alliance.checkin.StartRequest;
import org.alliance.checkin.Visibility;
import org.alliance.schedule.Schedule;
import org.alliance.shared.ShortIds;
import org.alliance.shared.TestTimeZones;
import org.alliance.support.FakePeople;
import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A recurring check-in is stored only with its first round planned; a failure leaves no series behind. */
class RecurringSetUpFailureTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final StartRequest REQUEST = new StartRequest("T1", "U0LEAD", "trust", null, List.of(),
            List.of("U0ANN"), List.of(), List.of(), "C0TEAM", null, Visibility.LEADER, null, null);

    private final CheckInStarter starter = mock(CheckInStarter.class);
    private final Schedule schedule = mock(Schedule.class);
    private MongoDatabase db;
    private RecurringCheckIns recurring;

    @BeforeEach
    void recurring() {
        db = InMemoryMongo.freshDatabase();
        when(starter.check(any())).thenReturn(java.util.Optional.empty());
        when(starter.participantsOf(any())).thenReturn(List.of("U0ANN"));
        recurring = new RecurringCheckIns(new SeriesRepository(db), starter,
                TestTimeZones.of(new FakePeople(), ZoneOffset.UTC), schedule, new ShortIds(),
                event -> { }, Clock.fixed(NOW, ZoneOffset.UTC), mock(SeriesStatusReport.class),
                mock(org.alliance.questions.QuestionSets.class), mock(SeriesEditForm.class),
                mock(RoundInvitations.class));
    }

    @Test
    void aSeriesIsStoredWithItsFirstRound() {
        Recurring.SetUp setUp = recurring.start(REQUEST, "1w", LocalTime.of(10, 0));

        assertThat(setUp.created()).isTrue();
        assertThat(db.getCollection("series").countDocuments()).isEqualTo(1);
    }

    @Test
    void whenTheFirstRoundCannotBeScheduledTheSeriesIsRemoved() {
        when(schedule.add(any())).thenThrow(new IllegalStateException("not primary"));

        Recurring.SetUp setUp = recurring.start(REQUEST, "1w", LocalTime.of(10, 0));

        assertThat(setUp.created()).isFalse();
        assertThat(setUp.message()).contains("nothing was set up");
        assertThat(db.getCollection("series").countDocuments()).isZero();
    }

    @Test
    void whenTheFirstRoundCannotBePlannedNothingIsStored() {
        when(starter.participantsOf(any())).thenThrow(new IllegalStateException("Slack did not answer"));

        Recurring.SetUp setUp = recurring.start(REQUEST, "1w", LocalTime.of(10, 0));

        assertThat(setUp.created()).isFalse();
        assertThat(db.getCollection("series").countDocuments()).isZero();
    }
}
