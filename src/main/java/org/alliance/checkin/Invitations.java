package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The last step of a start: each person's invitation, sent now or scheduled for their local
 * round time. By now the check-in is under way and others may already be answering, so nothing
 * here is undone: a person who can't be reached is reported to the leader, never retried into a
 * duplicate.
 * <p>
 * A few senders work through the people side by side, each taking the next person whose response is
 * stored off one {@link ResponseFeed} (the rest are still being written), so one person's call
 * overlaps the next one's wait for a send slot; the bookkeeping of what went out
 * (storing the invitation, scheduling reminders) is written in batches by an {@link InvitationLedger}
 * of its own, so it never holds a sender past its slot. Each person is taken off the feed exactly
 * once, so nobody is invited twice, and {@code SendPacer} still spaces the sends.
 */
@Component
class Invitations {

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);
    /** Enough to cover a slow call or two; more would only queue at the pacer. */
    static final int SENDERS = 3;

    private final CheckInMessenger messenger;
    private final ResponseRepository responses;
    private final CheckInSchedule schedule;

    Invitations(CheckInMessenger messenger, ResponseRepository responses, CheckInSchedule schedule) {
        this.messenger = messenger;
        this.responses = responses;
        this.schedule = schedule;
    }

    /**
     * Invites everyone the plan asks who isn't away, each once their response is stored, running
     * {@code meanwhile} on this thread while the invitations go out (work that need not hold them up).
     * Returns once both are done and storing is over: who couldn't be reached (not invited, or not
     * stored), in the order asked.
     */
    List<String> send(CheckIn checkIn, StartPlan plan, ResponseFeed feed, Runnable meanwhile) {
        Set<String> failed = ConcurrentHashMap.newKeySet();
        InvitationLedger ledger = new InvitationLedger(checkIn, plan.now(), responses, schedule, failed);
        long pending = feed.all().stream().filter(r -> r.status() == ResponseStatus.PENDING).count();
        int senders = (int) Math.min(SENDERS, pending);
        ExecutorService pool = senders == 0 ? null : Executors.newFixedThreadPool(senders + 1, named(checkIn));
        try {
            Map<String, String> logContext = MDC.getCopyOfContextMap();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                running.add(pool.submit(() -> withLog(logContext, () -> sendAll(checkIn, plan, feed, failed, ledger))));
            }
            Future<?> recording = senders == 0 ? null : pool.submit(() -> withLog(logContext, ledger::record));
            try {
                meanwhile.run();
            } finally {
                try {
                    running.forEach(Invitations::await);
                } finally {
                    ledger.close();
                    if (recording != null) {
                        await(recording);
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        // With nobody to invite no sender waited for storing to end.
        feed.awaitEnd();
        Set<String> notStored = Set.copyOf(feed.notStored());
        List<String> notSent = feed.all().stream().map(Response::userId).filter(failed::contains).toList();
        // Someone away who couldn't be stored is taken off too, but was never to be asked: not "not reached".
        List<String> notAsked = feed.all().stream()
                .filter(r -> notStored.contains(r.userId()) && r.status() == ResponseStatus.PENDING)
                .map(Response::userId).toList();
        if (!notSent.isEmpty() || !notAsked.isEmpty()) {
            tellLeader(checkIn, notSent, notAsked);
        }
        Set<String> notReached = new HashSet<>(failed);
        notReached.addAll(notAsked);
        return feed.all().stream().map(Response::userId).filter(notReached::contains).toList();
    }

    private static void withLog(Map<String, String> logContext, Runnable work) {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        work.run();
    }

    private void sendAll(CheckIn checkIn, StartPlan plan, ResponseFeed feed, Set<String> failed,
                         InvitationLedger ledger) {
        for (Response response = feed.next(); response != null; response = feed.next()) {
            if (response.status() != ResponseStatus.PENDING) {
                continue; // away: stored, not asked
            }
            try {
                invite(checkIn, plan, response, ledger);
            } catch (RuntimeException e) {
                log.warn("Check-in {}: could not invite {}: {}", checkIn.id(), response.userId(), e.getMessage());
                failed.add(response.userId());
            }
        }
    }

    private static void await(Future<?> sender) {
        try {
            sender.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while inviting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            // sendAll catches every RuntimeException per person; anything else is a bug worth its stack trace.
            throw new IllegalStateException("an invitation sender failed", e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory named(CheckIn checkIn) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "invite-" + checkIn.id() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private void invite(CheckIn checkIn, StartPlan plan, Response response, InvitationLedger ledger) {
        Instant at = plan.inviteAt().getOrDefault(response.userId(), plan.now());
        if (at.isAfter(plan.now())) {
            schedule.inviteLater(checkIn, response.userId(), at);
            return;
        }
        ledger.sent(response, messenger.invite(checkIn, response));
    }

    private void tellLeader(CheckIn checkIn, List<String> notSent, List<String> notStored) {
        String notSentLine = notSent.isEmpty() ? "" : "I couldn't send check-in `" + checkIn.id() + "` to "
                + mentions(notSent) + ". They may have deactivated accounts or blocked DMs from apps.";
        String notStoredLine = notStored.isEmpty() ? "" : "I couldn't save " + mentions(notStored)
                + " in check-in `" + checkIn.id() + "` (a database problem), so I didn't ask them. You can "
                + "try adding them again with *Edit* on the check-in.";
        try {
            messenger.tell(checkIn.teamId(), checkIn.leaderId(),
                    notSentLine + (notSentLine.isEmpty() || notStoredLine.isEmpty() ? "" : " ") + notStoredLine);
        } catch (RuntimeException e) {
            // The start's own reply still names how many were reached.
            log.warn("Check-in {}: could not tell the leader who wasn't reached: {}", checkIn.id(), e.getMessage());
        }
    }

    private static String mentions(List<String> userIds) {
        return String.join(", ", userIds.stream().map(u -> "<@" + u + ">").toList());
    }
}
