package org.alliance.recurring;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.alliance.shared.TestTimeZones;
import org.alliance.support.FakePeople;
import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A round's time, on the clock of whoever is added to it. */
class RoundInvitationsTest {

    @Test
    void theRoundsLocalTimeInEachPersonsZoneAndNothingForOtherCheckIns() {
        SeriesRoundRepository rounds = new SeriesRoundRepository(InMemoryMongo.freshDatabase());
        rounds.add(new SeriesRoundRepository.SeriesRound("K2345A", "T1", "RABCDE", 3,
                LocalDateTime.parse("2026-12-07T10:00")));
        rounds.add(new SeriesRoundRepository.SeriesRound("K2345B", "T1", "RABCDE", 2, null));
        FakePeople people = new FakePeople().with("U0DAN", "Dan", "Australia/Sydney")
                .with("U0LUCY", "Lucy", "America/Los_Angeles");
        RoundInvitations invitations = new RoundInvitations(rounds, TestTimeZones.of(people, ZoneOffset.UTC));

        assertThat(invitations.of("T1", "K2345A", "U0DAN")).contains(Instant.parse("2026-12-06T23:00:00Z"));
        assertThat(invitations.of("T1", "K2345A", "U0LUCY")).contains(Instant.parse("2026-12-07T18:00:00Z"));
        assertThat(invitations.of("T1", "K9999Z", "U0DAN")).as("a one-off check-in").isEmpty();
        assertThat(invitations.of("T2", "K2345A", "U0DAN")).as("another workspace").isEmpty();
        assertThat(invitations.of("T1", "K2345B", "U0DAN")).as("linked before times were stored").isEmpty();
    }
}
