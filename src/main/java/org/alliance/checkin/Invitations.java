package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last step of a start: each person's invitation, sent now or scheduled for their local
 * round time. By now the check-in is under way and others may already be answering, so nothing
 * here is undone: a person who can't be reached is reported to the leader, never retried into a
 * duplicate.
 */
@Component
class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private final CheckInMessenger messenger;
    private final ResponseRepository responses;
    private final CheckInSchedule schedule;

    Invitations(CheckInMessenger messenger, ResponseRepository responses, CheckInSchedule schedule) {
        this.messenger = messenger;
        this.responses = responses;
        this.schedule = schedule;
    }

    /** Invites everyone the plan asks who isn't away; returns who couldn't be reached. */
    List<String> send(CheckIn checkIn, StartPlan plan, List<Response> stored) {
        List<String> notReached = new ArrayList<>();
        for (Response response : stored) {
            if (response.status() != ResponseStatus.PENDING) {
                continue;
            }
            try {
                invite(checkIn, plan, response);
            } catch (RuntimeException e) {
                log.warn("Check-in {}: could not invite {}: {}", checkIn.id(), response.userId(), e.getMessage());
                notReached.add(response.userId());
            }
        }
        if (!notReached.isEmpty()) {
            tellLeader(checkIn, notReached);
        }
        return notReached;
    }

    private void invite(CheckIn checkIn, StartPlan plan, Response response) {
        Instant at = plan.inviteAt().getOrDefault(response.userId(), plan.now());
        if (at.isAfter(plan.now())) {
            schedule.inviteLater(checkIn, response.userId(), at);
            return;
        }
        CheckInMessenger.Posted dm = messenger.invite(checkIn, response);
        responses.invited(response.id(), dm.channelId(), dm.ts());
        schedule.invited(checkIn, response.userId(), plan.now());
    }

    private void tellLeader(CheckIn checkIn, List<String> notReached) {
        try {
            messenger.tell(checkIn.teamId(), checkIn.leaderId(), "I couldn't send check-in `" + checkIn.id()
                    + "` to " + String.join(", ", notReached.stream().map(u -> "<@" + u + ">").toList())
                    + ". They may have deactivated accounts or blocked DMs from apps.");
        } catch (RuntimeException e) {
            // The start's own reply still names how many were reached.
            log.warn("Check-in {}: could not tell the leader who wasn't reached: {}", checkIn.id(), e.getMessage());
        }
    }
}
