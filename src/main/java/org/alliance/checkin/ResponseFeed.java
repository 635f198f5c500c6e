package org.alliance.checkin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.alliance.persistence.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responses of one start, stored in chunks in the order asked and handed to the senders as
 * each chunk is stored, so the first invitation need not wait for the last response of a large
 * fan-out. A person is handed out only once their response is stored (it is what their invitation's
 * buttons act on), and exactly once.
 * <p>
 * The first chunk is small and is the start's to wait for: if it can't be stored, nothing has
 * started and the whole start is undone. A later chunk is written while people are already being
 * invited, so it is never undone: one that fails is retried person by person, and whoever still
 * can't be stored is left out ({@link #notStored()}) and never handed out.
 */
final class ResponseFeed {

    private static final Logger log = LoggerFactory.getLogger(ResponseFeed.class);
    /** Enough to keep every sender busy while the next chunk is written; small, so it is quick to store. */
    static final int FIRST_CHUNK = Invitations.SENDERS * 2;
    /** A bulk write of this many takes a fraction of the 100 slots its people take to invite. */
    static final int LATER_CHUNK = 100;

    private final String checkInId;
    private final List<Response> all;
    private final ResponseRepository responses;
    /** Guarded by {@code this}, as are the fields below. */
    private final List<Response> stored = new ArrayList<>();
    private final Set<String> notStored = new LinkedHashSet<>();
    private int handedOut;
    private boolean firstDone;
    private RuntimeException firstFailure;
    private boolean abandoned;
    private boolean gaveUp;
    private boolean over;

    ResponseFeed(String checkInId, List<Response> all, ResponseRepository responses) {
        this.checkInId = checkInId;
        this.all = List.copyOf(all);
        this.responses = responses;
    }

    /** Everyone of the start, in the order asked, stored or not. */
    List<Response> all() {
        return all;
    }

    /** Stores the responses chunk by chunk until all are written, the first chunk fails, or the start is abandoned. */
    void store() {
        try {
            int next = Math.min(all.size(), FIRST_CHUNK);
            if (isAbandoned() || !storeFirst(all.subList(0, next))) {
                return;
            }
            for (; next < all.size() && !isAbandoned() && !hasGivenUp(); next += LATER_CHUNK) {
                storeLater(all.subList(next, Math.min(all.size(), next + LATER_CHUNK)));
            }
        } finally {
            end();
        }
    }

    /**
     * Waits until the first chunk is stored, throwing its failure as it was (the caller undoes the
     * start). After this the check-in may start: the first people can be invited.
     */
    synchronized void awaitFirst() {
        while (!firstDone) {
            waitHere();
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    /** The next person whose response is stored, in the order asked; null once storing is over and all were handed out. */
    synchronized Response next() {
        while (handedOut == stored.size() && !over) {
            waitHere();
        }
        return handedOut < stored.size() ? stored.get(handedOut++) : null;
    }

    /** The start is being undone: stops after the chunk being written and returns once nothing more is written. */
    synchronized void abandon() {
        abandoned = true;
        awaitEnd();
    }

    /** Returns once storing is over, however it ended. */
    synchronized void awaitEnd() {
        while (!over) {
            waitHere();
        }
    }

    /** People whose response could not be stored after the start was under way, in the order asked. */
    synchronized List<String> notStored() {
        return List.copyOf(notStored);
    }

    /** False when it failed: nothing starts, so nothing more is written. */
    private boolean storeFirst(List<Response> chunk) {
        try {
            if (!chunk.isEmpty()) {
                responses.insertAll(chunk);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                firstDone = true;
                firstFailure = e;
                notifyAll();
            }
            return false;
        }
        synchronized (this) {
            firstDone = true;
            stored.addAll(chunk);
            notifyAll();
        }
        return true;
    }

    private void storeLater(List<Response> chunk) {
        try {
            responses.insertAll(chunk);
            publish(chunk);
            return;
        } catch (RuntimeException e) {
            log.warn("Check-in {}: could not store {} responses at once ({}); storing them one by one", checkInId,
                    chunk.size(), DatabaseOutage.in(e) ? DatabaseOutage.summary(e) : e.getMessage());
        }
        // The bulk write may have stored some before it failed: a response already there counts as stored.
        for (Response r : chunk) {
            if (isAbandoned()) {
                return;
            }
            try {
                responses.insertIfAbsent(r);
                publish(List.of(r));
            } catch (RuntimeException e) {
                if (DatabaseOutage.in(e)) {
                    // Each try would wait out the server selection again: the rest are left out at once.
                    log.warn("Check-in {}: database unreachable, so the responses not stored yet are left out", checkInId);
                    giveUp();
                    return;
                }
                log.warn("Check-in {}: could not store the response of {}, so they are not asked: {}", checkInId,
                        r.userId(), e.getMessage());
            }
        }
    }

    /** Stops storing after this chunk: {@link #end()} reports whoever isn't stored. */
    private synchronized void giveUp() {
        gaveUp = true;
    }

    private synchronized void publish(List<Response> chunk) {
        stored.addAll(chunk);
        notifyAll();
    }

    /**
     * Once the start is under way, whoever isn't stored is left out: those that failed, and any never
     * tried because storing broke off on an error, so nobody is lost unreported.
     */
    private synchronized void end() {
        if (!firstDone) {
            firstDone = true;
            firstFailure = new IllegalStateException("storing the responses broke off before the first were stored");
        }
        if (!abandoned && firstFailure == null) {
            Set<String> in = new HashSet<>();
            stored.forEach(r -> in.add(r.id()));
            all.stream().filter(r -> !in.contains(r.id())).forEach(r -> notStored.add(r.userId()));
        }
        over = true;
        notifyAll();
    }

    private synchronized boolean isAbandoned() {
        return abandoned;
    }

    private synchronized boolean hasGivenUp() {
        return gaveUp;
    }

    private void waitHere() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for responses to be stored", e);
        }
    }
}
