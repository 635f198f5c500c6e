package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the invitations of one start as they go out (the response marked invited, then its
 * reminders), on a thread of its own and in batches: whatever was sent while the last batch was
 * being written goes in the next, as one bulk write for the responses and one for the reminders.
 * The senders thus never lose a send slot to bookkeeping. Only invitations that went out reach
 * it, so reminders exist only for people invited; a batch that fails is retried person by person
 * (both writes are idempotent), and whoever still can't be recorded is reported as not reached,
 * as when the bookkeeping was done by the senders one person at a time.
 */
final class InvitationLedger {

    private static final Logger log = LoggerFactory.getLogger(InvitationLedger.class);
    /** Beyond this a bulk write takes longer than the slots it would save. */
    private static final int MOST_PER_WRITE = 100;

    private record Sent(Response response, CheckInMessenger.Posted dm) {
    }

    private static final Sent CLOSED = new Sent(null, null);

    private final CheckIn checkIn;
    private final Instant invitedAt;
    private final ResponseRepository responses;
    private final CheckInSchedule schedule;
    private final Set<String> failed;
    private final BlockingQueue<Sent> queue = new LinkedBlockingQueue<>();

    InvitationLedger(CheckIn checkIn, Instant invitedAt, ResponseRepository responses, CheckInSchedule schedule,
                     Set<String> failed) {
        this.checkIn = checkIn;
        this.invitedAt = invitedAt;
        this.responses = responses;
        this.schedule = schedule;
        this.failed = failed;
    }

    /** The invitation of {@code response} went out as {@code dm}. */
    void sent(Response response, CheckInMessenger.Posted dm) {
        queue.add(new Sent(response, dm));
    }

    /** Nothing more will be sent: {@link #record()} returns once what was sent is written. */
    void close() {
        queue.add(CLOSED);
    }

    /** Writes what is sent, batch by batch, until closed. */
    void record() {
        List<Sent> batch = new ArrayList<>();
        boolean closed = false;
        while (!closed) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
            queue.drainTo(batch, MOST_PER_WRITE - batch.size());
            closed |= batch.removeIf(s -> s == CLOSED);
            write(batch);
        }
    }

    private void write(List<Sent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            responses.invitedAll(batch.stream().map(s -> new ResponseRepository.Invited(s.response().id(),
                    s.dm().channelId(), s.dm().ts())).toList());
            schedule.invited(checkIn, batch.stream().map(s -> s.response().userId()).toList(), invitedAt);
        } catch (RuntimeException e) {
            log.warn("Check-in {}: could not record {} invitations at once ({}); recording them one by one",
                    checkIn.id(), batch.size(), e.getMessage());
            batch.forEach(this::writeOne);
        }
    }

    private void writeOne(Sent sent) {
        try {
            responses.invited(sent.response().id(), sent.dm().channelId(), sent.dm().ts());
            schedule.invited(checkIn, sent.response().userId(), invitedAt);
        } catch (RuntimeException e) {
            log.warn("Check-in {}: could not record the invitation of {}: {}", checkIn.id(),
                    sent.response().userId(), e.getMessage());
            failed.add(sent.response().userId());
        }
    }
}
