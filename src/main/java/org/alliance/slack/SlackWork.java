package org.alliance.slack;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.alliance.persistence.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs what must not hold up Slack's 3-second acknowledgement: Web API calls, fan-out, modal
 * updates. A failure is logged with the context the caller names (for example a check-in id); a
 * database outage in one line, and, where someone waits for the work, told to them. The work's
 * log lines carry the submitting thread's log context (the team id, a check-in id). Three lanes:
 * the work, fan-outs (starts, a stop's or an edit's notices: each holds a thread for minutes), and
 * short refusals.
 */
@Component
public class SlackWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

    /** How many words said by {@link #tellSoon} may wait; past that they are dropped, they'd come too late. */
    static final int MAX_TOLD_WAITING = 1_000;

    /**
     * Fan-outs at once. Each holds its thread for minutes while the pacer spaces its messages, so
     * threads are cheap here; a ninth waits, even for a workspace whose budget is idle.
     */
    static final int FAN_OUTS = 8;

    private final ThreadPoolExecutor executor;
    private final ThreadPoolExecutor fanOuts;
    private final ThreadPoolExecutor told;
    private final Replies replies;
    private final int maxWaiting;
    private final int resumeBelow;
    private final AtomicBoolean refusing = new AtomicBoolean();

    SlackWork(Replies replies, SlackWorkSettings settings, SlackMetrics metrics) {
        this.replies = replies;
        this.maxWaiting = settings.maxWaiting();
        this.resumeBelow = maxWaiting - maxWaiting / 10;
        this.executor = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemons("slack-work-"));
        this.fanOuts = new ThreadPoolExecutor(FAN_OUTS, FAN_OUTS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemons("slack-fanout-"));
        this.told = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_TOLD_WAITING),
                daemons("slack-told-"), (dropped, pool) -> log.debug(pool.isShutdown() ? "A word for Slack dropped: "
                        + "shutting down" : "A word for Slack dropped: " + MAX_TOLD_WAITING + " already wait"));
        metrics.workWaiting(this::waiting);
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Whether so much work is waiting ({@code alliance.slack.work.max-waiting}) that a new check-in
     * should be refused rather than queued behind it. Nothing is ever turned away here: callers decide.
     */
    public boolean busy() {
        // Once refusing, until a tenth has gone: at the edge every start a worker made room for would be
        // taken, and the log would say so twice a start.
        boolean busy = waiting() >= (refusing.get() ? resumeBelow : maxWaiting);
        if (busy != refusing.getAndSet(busy)) {
            if (busy) {
                log.warn("{} pieces of Slack work are waiting (alliance.slack.work.max-waiting): new check-ins are "
                        + "refused until fewer than {} wait", maxWaiting, resumeBelow);
            } else {
                log.info("Fewer than {} pieces of Slack work are waiting: new check-ins are accepted again", resumeBelow);
            }
        }
        return busy;
    }

    private int waiting() {
        return executor.getQueue().size() + fanOuts.getQueue().size();
    }

    /**
     * Runs {@code call}, one short Web API call such as a refusal, on a lane of its own, so that it
     * isn't held up behind the queue's work: a word that is only worth saying soon. Dropped, with a
     * debug line, when {@value #MAX_TOLD_WAITING} such words already wait.
     */
    public void tellSoon(String what, Runnable call) {
        told.execute(withLogContext(logged(what, call)));
    }

    public void run(String what, Runnable work) {
        executor.execute(withLogContext(logged(what, work)));
    }

    /** As {@link #run(String, Runnable)}; when the database is unreachable, {@code userId} is told so in a DM. */
    public void runFor(String teamId, String userId, String what, Runnable work) {
        runFor(teamId, userId, what, OutageAnswers.CANT_SAVE, work);
    }

    /** The same, with the words {@code userId} gets when the database is unreachable. */
    public void runFor(String teamId, String userId, String what, String whenDatabaseDown, Runnable work) {
        executor.execute(withLogContext(toldOfOutage(teamId, userId, what, whenDatabaseDown, work)));
    }

    /**
     * As {@link #run(String, Runnable)}, for work that messages many people (a stop's or an edit's
     * notices): it holds its thread until its last message is out, minutes in a large check-in, so
     * fan-outs have threads of their own and don't keep answers, clicks and form updates waiting.
     */
    public void fanOut(String what, Runnable work) {
        fanOuts.execute(withLogContext(logged(what, work)));
    }

    /**
     * As {@link #runFor(String, String, String, String, Runnable)}, for starting a check-in, which holds
     * its thread until its last invitation is out: on the fan-out threads ({@link #fanOut}).
     */
    public void launch(String teamId, String userId, String what, String whenDatabaseDown, Runnable work) {
        fanOuts.execute(withLogContext(toldOfOutage(teamId, userId, what, whenDatabaseDown, work)));
    }

    private Runnable toldOfOutage(String teamId, String userId, String what, String whenDatabaseDown, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                logFailure(what, e);
                if (DatabaseOutage.in(e)) {
                    tell(teamId, userId, whenDatabaseDown);
                }
            }
        };
    }

    /**
     * Runs work that should finish before Slack hears back, for up to {@code budget}: the caller waits
     * that long at most. Work that failed within it rethrows its error here (the caller can still
     * refuse the request); work still running then goes on, and a later failure goes to {@code late}.
     */
    public void runWithin(String what, Duration budget, Runnable work, Consumer<RuntimeException> late) {
        AtomicBoolean handedOff = new AtomicBoolean();
        Future<?> done = executor.submit(withLogContext(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                if (handedOff.compareAndSet(false, true)) {
                    throw e;
                }
                logFailure(what, e);
                late.accept(e);
            }
        }));
        try {
            done.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (!handedOff.compareAndSet(false, true)) {
                waitFor(done);
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The work with the submitting thread's log context (team id, check-in id), cleared after it,
     * since the pool's thread runs someone else's work next.
     */
    private static Runnable withLogContext(Runnable work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                work.run();
            } finally {
                MDC.clear();
            }
        };
    }

    private static Runnable logged(String what, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                logFailure(what, e);
            }
        };
    }

    /** The work failed just as the budget ran out: its error is on its way. */
    private static void waitFor(Future<?> done) {
        try {
            done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tell(String teamId, String userId, String text) {
        try {
            replies.direct(teamId, userId, text);
        } catch (RuntimeException e) {
            log.warn("Could not tell {} that the database is unreachable: {}", userId, e.getMessage());
        }
    }

    private static void logFailure(String what, RuntimeException e) {
        if (DatabaseOutage.in(e)) {
            log.warn("{} failed: database unreachable ({})", what, DatabaseOutage.summary(e));
        } else if (e instanceof SlackCallFailed f && SlackApi.UNREACHABLE.equals(f.error())) {
            // SlackApi said once why the workspace can't be reached; one line per refused call is noise.
            log.debug("{} not done: {}", what, e.getMessage());
        } else {
            log.error("{} failed: {}", what, e.getMessage(), e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        told.shutdown();
        fanOuts.shutdown();
        executor.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (ThreadPoolExecutor pool : new ThreadPoolExecutor[] {fanOuts, executor}) {
            if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("Slack work still running at shutdown was abandoned");
                pool.shutdownNow();
            }
        }
    }
}
