package org.alliance.relationships;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.alliance.schedule.JobHandler.Outcome;
import org.alliance.schedule.WorkingHours;
import org.alliance.shared.TimeZones;
import org.alliance.slack.SlackApi;
import org.alliance.snooze.Snoozes;
import org.springframework.stereotype.Service;

/**
 * Tells a leader, in one DM, who has drifted away: only inside their working hours, not while
 * they are away, and about the same person again only after {@code remind-every}. Everything is
 * decided when the alert runs, so a check-in made after the sweep leaves that person out.
 */
@Service
class DriftAlerts {

    private final RelationshipRepository relationships;
    private final DriftRule rule;
    private final Snoozes snoozes;
    private final TimeZones timeZones;
    private final WorkingHours workingHours;
    private final SlackApi api;
    private final Clock clock;

    DriftAlerts(RelationshipRepository relationships, DriftRule rule, Snoozes snoozes, TimeZones timeZones,
                WorkingHours workingHours, SlackApi api, Clock clock) {
        this.relationships = relationships;
        this.rule = rule;
        this.snoozes = snoozes;
        this.timeZones = timeZones;
        this.workingHours = workingHours;
        this.api = api;
        this.clock = clock;
    }

    Outcome alert(String teamId, String leaderId) {
        Instant now = clock.instant();
        ZoneId zone = timeZones.of(teamId, leaderId);
        Optional<Instant> away = snoozes.awayUntil(teamId, leaderId);
        if (away.isPresent()) {
            return new Outcome.Later(workingHours.nextAllowed(away.get(), zone), "the leader is away");
        }
        if (!workingHours.allows(now, zone)) {
            return new Outcome.Later(workingHours.nextAllowed(now, zone), "outside the leader's working hours");
        }
        DriftLimits limits = rule.limits(teamId, leaderId);
        List<Relationship> due = relationships.tracked(teamId, leaderId).stream()
                .filter(r -> limits.alertDue(r, now)).toList();
        if (due.isEmpty()) {
            return Outcome.skipped("nobody drifting to tell " + leaderId + " about any more");
        }
        List<Relationship> shown = due.subList(0, Math.min(DriftMessages.MAX_PEOPLE, due.size()));
        DriftMessages.Message m = DriftMessages.alert(shown, due.size() - shown.size(), now, limits,
                rule.settings().remindEvery());
        // Throws when Slack won't take it, so the job is tried again and nobody is marked as told.
        api.callOk(teamId, leaderId, "chat.postMessage", c -> c.chatPostMessage(b -> b.channel(leaderId)
                .text(m.text()).blocks(m.blocks()).unfurlLinks(false).unfurlMedia(false)));
        for (Relationship r : shown) {
            relationships.driftAlerted(teamId, leaderId, r.memberId(), now);
        }
        return Outcome.done();
    }
}
