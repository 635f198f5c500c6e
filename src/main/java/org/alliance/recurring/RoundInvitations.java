package org.alliance.recurring;

import java.time.Instant;
import java.util.Optional;

import org.alliance.shared.TimeZones;
import org.springframework.stereotype.Component;

/** A round goes to each person at its local time on their own clock, including people added to it later. */
@Component
class RoundInvitations {

    private final SeriesRoundRepository rounds;
    private final TimeZones timeZones;

    RoundInvitations(SeriesRoundRepository rounds, TimeZones timeZones) {
        this.rounds = rounds;
        this.timeZones = timeZones;
    }

    Optional<Instant> of(String teamId, String checkInId, String userId) {
        return rounds.find(checkInId).filter(r -> r.teamId().equals(teamId) && r.occurrence() != null)
                .map(r -> r.occurrence().atZone(timeZones.of(teamId, userId)).toInstant());
    }
}
