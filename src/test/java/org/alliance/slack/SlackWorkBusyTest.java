package org.alliance.slack;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/** Past {@code alliance.slack.work.max-waiting} the work says it is busy; everything it took still runs. */
class SlackWorkBusyTest {

    private static final int WORKERS = 4;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SlackWork work = new SlackWork(mock(Replies.class), new SlackWorkSettings(3), new SlackMetrics(registry));
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger done = new AtomicInteger();

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        work.destroy();
    }

    @Test
    void busyOnceAsMuchAsAllowedWaitsAndNotOnceItHasRun() {
        // Every worker held, so what comes next waits.
        for (int i = 0; i < WORKERS; i++) {
            submit();
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> waiting() == 0);
        assertThat(work.busy()).isFalse();

        submit();
        submit();
        assertThat(waiting()).isEqualTo(2);
        assertThat(work.busy()).isFalse();

        submit();
        assertThat(waiting()).isEqualTo(3);
        assertThat(work.busy()).isTrue();

        // Busy refuses nothing itself: what is handed over past the limit still waits its turn and runs.
        submit();
        assertThat(work.busy()).isTrue();
        release.countDown();
        await().atMost(5, TimeUnit.SECONDS).until(() -> done.get() == WORKERS + 4);
        assertThat(work.busy()).isFalse();
        assertThat(waiting()).isZero();
    }

    @Test
    void theLimitMustAllowSomething() {
        assertThatThrownBy(() -> new SlackWorkSettings(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alliance.slack.work.max-waiting");
        assertThat(new SlackWorkSettings(null).maxWaiting()).isEqualTo(10_000);
    }

    private void submit() {
        work.run("held work", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.incrementAndGet();
        });
    }

    private double waiting() {
        return registry.get("alliance.slack.work.waiting").gauge().value();
    }
}
