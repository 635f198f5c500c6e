package org.alliance.relationships;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

import org.alliance.recurring.ExpectedCheckIns;
import org.alliance.schedule.JobHandler.Outcome;
import org.alliance.schedule.WorkingHours;
import org.alliance.shared.TimeZones;
import org.alliance.snooze.Snoozes;
import org.springframework.stereotype.Service;

/**
 * A workspace's daily look for people drifting away. It reads only the leaders who may have
 * someone to hear about (someone past {@code alliance.drift.after}, by an index, or a recurring
 * check-in with its shorter rhythm) and gives each such leader one alert job, at the start of their
 * working hours, or when they are back if they are away.
 */
@Service
class DriftSweep {

    private final RelationshipRepository relationships;
    private final DriftRule rule;
    private final ExpectedCheckIns expected;
    private final DriftJobs jobs;
    private final Snoozes snoozes;
    private final TimeZones timeZones;
    private final WorkingHours workingHours;
    private final Clock clock;

    DriftSweep(RelationshipRepository relationships, DriftRule rule, ExpectedCheckIns expected, DriftJobs jobs,
               Snoozes snoozes, TimeZones timeZones, WorkingHours workingHours, Clock clock) {
        this.relationships = relationships;
        this.rule = rule;
        this.expected = expected;
        this.jobs = jobs;
        this.snoozes = snoozes;
        this.timeZones = timeZones;
        this.workingHours = workingHours;
        this.clock = clock;
    }

    Outcome sweep(String teamId) {
        Instant now = clock.instant();
        Set<String> leaders = new TreeSet<>(relationships.leadersWithoutCheckInSince(teamId,
                now.minus(rule.settings().after())));
        leaders.addAll(expected.leaders(teamId));
        int alerts = 0;
        for (String leaderId : leaders) {
            DriftLimits limits = rule.limits(teamId, leaderId);
            if (relationships.tracked(teamId, leaderId).stream().anyMatch(r -> limits.alertDue(r, now))) {
                ZoneId zone = timeZones.of(teamId, leaderId);
                Instant from = snoozes.awayUntil(teamId, leaderId).orElse(now);
                jobs.alert(teamId, leaderId, workingHours.nextAllowed(from, zone), zone);
                alerts++;
            }
        }
        jobs.sweepTomorrow(teamId);
        return alerts == 0 ? Outcome.done() : new Outcome.Done(alerts + " leader(s) to tell about drift");
    }
}
