package org.alliance.relationships;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.alliance.checkin.CheckInChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** Who a leader has checked in with, kept up to date as check-ins start. */
@Service
public class Relationships {

    private final RelationshipRepository repository;
    private final DriftRule drift;

    Relationships(RelationshipRepository repository, DriftRule drift) {
        this.repository = repository;
        this.drift = drift;
    }

    @EventListener
    void on(CheckInChanged change) {
        if (change.change() != CheckInChanged.Change.STARTED) {
            return;
        }
        // The leader is among the concerned, and may even have asked themselves: they are not their own person.
        List<String> members = change.concerned().stream().filter(m -> !m.equals(change.leaderId())).distinct().toList();
        repository.checkedIn(change.teamId(), change.leaderId(), members, change.checkInId(), change.at());
    }

    /** The people {@code leaderId} follows, the longest without a check-in first. */
    public List<Relationship> people(String teamId, String leaderId) {
        return repository.tracked(teamId, leaderId);
    }

    public Optional<Relationship> find(String teamId, String leaderId, String memberId) {
        return repository.find(teamId, leaderId, memberId);
    }

    /**
     * Whether it has been too long since the leader checked in with this person (the drift marker and
     * alert): {@code alliance.drift.after}, or for someone in one of the leader's recurring check-ins
     * its rhythm plus {@code alliance.drift.recurring-grace}. Looks the leader's recurring check-ins up
     * each time: for many people of one leader, {@link #drifting(String, String, Instant)} does it once.
     */
    public boolean drifting(Relationship relationship, Instant now) {
        return drift.limits(relationship.teamId(), relationship.leaderId()).drifting(relationship, now);
    }

    /** The people {@code leaderId} follows who are drifting, the longest without a check-in first. */
    public List<Relationship> drifting(String teamId, String leaderId, Instant now) {
        return drifting(teamId, leaderId, people(teamId, leaderId), now);
    }

    /** Those of {@code people}, already read for {@code leaderId}, who are drifting. */
    public List<Relationship> drifting(String teamId, String leaderId, List<Relationship> people, Instant now) {
        DriftLimits limits = drift.limits(teamId, leaderId);
        return people.stream().filter(r -> limits.drifting(r, now)).toList();
    }

    /** Removes a person from the leader's people until they next check in with them; false if not followed. */
    public boolean stopTracking(String teamId, String leaderId, String memberId) {
        return repository.stopTracking(teamId, leaderId, memberId);
    }
}
