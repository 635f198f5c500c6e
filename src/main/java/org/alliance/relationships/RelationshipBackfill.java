package org.alliance.relationships;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.alliance.checkin.CheckIn;
import org.alliance.checkin.PastCheckIns;
import org.alliance.schedule.JobHandler.Outcome;
import org.springframework.stereotype.Service;

/**
 * Relationships are kept from the moment check-ins announce that they started; check-ins stored
 * before that have none. This builds them from the stored check-ins: each person asked, by leader,
 * with their first and latest check-in. A relationship that exists is left as it is (it was kept
 * from newer check-ins), so running this again changes nothing.
 */
@Service
class RelationshipBackfill {

    private final PastCheckIns past;
    private final RelationshipRepository relationships;
    private final DriftJobs jobs;

    RelationshipBackfill(PastCheckIns past, RelationshipRepository relationships, DriftJobs jobs) {
        this.past = past;
        this.relationships = relationships;
        this.jobs = jobs;
    }

    Outcome run() {
        Map<String, Relationship> built = new LinkedHashMap<>();
        int[] checkIns = {0};
        past.forEach(c -> {
            checkIns[0]++;
            for (String memberId : c.participants()) {
                // As when a check-in starts: a leader who asked themselves is not their own person.
                if (!memberId.equals(c.leaderId())) {
                    built.merge(RelationshipRepository.id(c.teamId(), c.leaderId(), memberId), from(c, memberId),
                            RelationshipBackfill::combine);
                }
            }
        });
        int added = 0;
        for (Relationship r : built.values()) {
            added += relationships.insertIfMissing(r) ? 1 : 0;
        }
        // The workspaces found need their daily drift sweep, which otherwise starts with their next check-in.
        new TreeSet<>(built.values().stream().map(Relationship::teamId).toList()).forEach(jobs::sweepTomorrow);
        return new Outcome.Done(added + " relationship(s) built from " + checkIns[0] + " stored check-in(s)");
    }

    private static Relationship from(CheckIn c, String memberId) {
        return new Relationship(c.teamId(), c.leaderId(), memberId, c.createdAt(), c.createdAt(), c.id(), 1, true,
                null);
    }

    private static Relationship combine(Relationship a, Relationship b) {
        Relationship latest = b.lastCheckInAt().isAfter(a.lastCheckInAt()) ? b : a;
        return new Relationship(a.teamId(), a.leaderId(), a.memberId(),
                a.firstCheckInAt().isBefore(b.firstCheckInAt()) ? a.firstCheckInAt() : b.firstCheckInAt(),
                latest.lastCheckInAt(), latest.lastCheckInId(), a.checkIns() + b.checkIns(), true, null);
    }
}
