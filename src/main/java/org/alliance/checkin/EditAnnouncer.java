package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alliance.slack.SlackDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells everyone a change to a running check-in concerns, after it is stored: the people added
 * get their invitation, the people taken off see their DM say no answer is needed, everyone
 * waiting hears of a new due time, and the parent, Home and the leader are brought up to date.
 */
@Component
class EditAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(EditAnnouncer.class);

    private final ResponseRepository responses;
    private final CheckInMessenger messenger;
    private final CheckInSchedule schedule;
    private final Ending ending;
    private final ChangeNotices notices;
    private final Stripes stripes;
    private final Recurring recurring;
    private final Clock clock;

    EditAnnouncer(ResponseRepository responses, CheckInMessenger messenger, CheckInSchedule schedule, Ending ending,
                  ChangeNotices notices, Stripes stripes, Recurring recurring, Clock clock) {
        this.recurring = recurring;
        this.responses = responses;
        this.messenger = messenger;
        this.schedule = schedule;
        this.ending = ending;
        this.notices = notices;
        this.stripes = stripes;
        this.clock = clock;
    }

    void announce(CheckInEditor.Outcome.Changed changed) {
        CheckIn c = changed.checkIn();
        List<String> removedIds = changed.removed().stream().map(Response::userId).toList();
        notices.added(c, changed.added());
        notices.removed(c, removedIds);
        List<String> notReached = new ArrayList<>();
        stripes.run(c.id(), () -> {
            for (String userId : changed.added()) {
                if (!changed.away().contains(userId)) {
                    invite(c, userId, notReached);
                }
            }
            for (Response r : changed.removed()) {
                safely(c, "tell " + r.userId() + " they were taken off", () -> messenger.released(c, r));
            }
            if (changed.dueMoved()) {
                dueMoved(c, changed.added());
            }
            List<Response> all = responses.forCheckIn(c.id());
            safely(c, "update the parent message", () -> messenger.updateParent(c, Progress.of(all)));
        });
        safely(c, "tell the leader", () -> messenger.tell(c.teamId(), c.leaderId(),
                EditReplies.done(changed, notReached)));
        // Taking off the last person still waiting leaves nobody to wait for.
        ending.completeIfAllIn(c.teamId(), c.id());
    }

    private void invite(CheckIn c, String userId, List<String> notReached) {
        try {
            // Added to a round of a recurring check-in: their invitation waits for the round's time on their clock.
            Optional<Instant> later = recurring.roundInvitation(c.teamId(), c.id(), userId)
                    .filter(at -> at.isAfter(clock.instant()));
            if (later.isPresent()) {
                schedule.inviteLater(c, userId, later.get());
                return;
            }
            Response r = responses.find(c.id(), userId).orElseThrow();
            CheckInMessenger.Posted dm = messenger.invite(c, r);
            responses.invited(r.id(), dm.channelId(), dm.ts());
            schedule.invited(c, userId, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Check-in {}: could not invite {} after an edit: {}", c.id(), userId, e.getMessage());
            notReached.add(userId);
        }
    }

    /** Each DM shows the due time; people still waiting also get a line in their thread, so they notice. */
    private void dueMoved(CheckIn c, List<String> justInvited) {
        for (Response r : responses.forCheckIn(c.id())) {
            if (r.dmTs() == null || justInvited.contains(r.userId())
                    || (r.status() != ResponseStatus.PENDING && r.status() != ResponseStatus.ANSWERED)) {
                continue;
            }
            safely(c, "update the DM of " + r.userId(), () -> messenger.updateInvitation(c, r));
            if (r.status() == ResponseStatus.PENDING) {
                safely(c, "tell " + r.userId() + " of the new due time", () -> messenger.replyInThread(r,
                        ":calendar: <@" + c.leaderId() + "> moved the due time of this check-in to "
                                + SlackDates.format(c.dueAt()) + "."));
            }
        }
    }

    private static void safely(CheckIn c, String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.error("Check-in {}: could not {} after an edit: {}", c.id(), what, e.getMessage(), e);
        }
    }
}
