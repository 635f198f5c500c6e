package org.alliance.slack;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs what must not hold up Slack's 3-second acknowledgement: Web API calls, fan-out, modal
 * updates. A failure is logged with the context the caller names (for example a check-in id).
 * The work's log lines carry the submitting thread's log context (the team id, a check-in id).
 */
@Component
public class SlackWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

    private final ExecutorService executor;

    SlackWork() {
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "slack-work-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public void run(String what, Runnable work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        executor.execute(() -> {
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("{} failed: {}", what, e.getMessage(), e);
            } finally {
                // The pool's thread runs someone else's work next.
                MDC.clear();
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(15, TimeUnit.SECONDS)) {
            log.warn("Slack work still running at shutdown was abandoned");
            executor.shutdownNow();
        }
    }
}
