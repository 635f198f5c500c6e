package org.alliance.slack;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
    void onceRefusingItWaitsForATenthToGoAndSaysSoOnceEachWay() throws InterruptedException {
        SimpleMeterRegistry tenRegistry = new SimpleMeterRegistry();
        SlackWork ten = new SlackWork(mock(Replies.class), new SlackWorkSettings(10), new SlackMetrics(tenRegistry));
        Logger logger = (Logger) LoggerFactory.getLogger(SlackWork.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        Semaphore permits = new Semaphore(0);
        AtomicInteger ran = new AtomicInteger();
        try {
            for (int i = 0; i < WORKERS + 10; i++) {
                ten.run("held work", () -> {
                    permits.acquireUninterruptibly();
                    ran.incrementAndGet();
                });
            }
            assertThat(ten.busy()).isTrue();
            assertThat(ten.busy()).isTrue();

            permits.release();
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.get() == 1 && waiting(tenRegistry) == 9);
            assertThat(ten.busy()).as("9 wait: still refusing, not yet a tenth gone").isTrue();

            permits.release();
            await().atMost(5, TimeUnit.SECONDS).until(() -> ran.get() == 2 && waiting(tenRegistry) == 8);
            assertThat(ten.busy()).isFalse();
            assertThat(ten.busy()).isFalse();

            assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
            assertThat(lines.list.get(0).getFormattedMessage()).contains("10 pieces", "fewer than 9");
        } finally {
            logger.detachAppender(lines);
            permits.release(WORKERS + 10);
            ten.destroy();
        }
    }

    @Test
    void aWordToldSoonDoesNotWaitBehindTheWorkAndIsDroppedPastItsOwnLimit() {
        for (int i = 0; i < WORKERS + 5; i++) {
            submit();
        }
        CountDownLatch toldWhileHeld = new CountDownLatch(1);
        work.tellSoon("a refusal", toldWhileHeld::countDown);
        await().atMost(5, TimeUnit.SECONDS).until(() -> toldWhileHeld.getCount() == 0);
        assertThat(done).hasValue(0);

        CountDownLatch holdTheLane = new CountDownLatch(1);
        CountDownLatch laneHeld = new CountDownLatch(1);
        AtomicInteger said = new AtomicInteger();
        work.tellSoon("held word", () -> {
            laneHeld.countDown();
            try {
                holdTheLane.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> laneHeld.getCount() == 0);
        for (int i = 0; i < SlackWork.MAX_TOLD_WAITING + 5; i++) {
            work.tellSoon("a word", said::incrementAndGet);
        }
        holdTheLane.countDown();
        await().atMost(5, TimeUnit.SECONDS).until(() -> said.get() == SlackWork.MAX_TOLD_WAITING);
        await().during(200, TimeUnit.MILLISECONDS).atMost(5, TimeUnit.SECONDS)
                .until(() -> said.get() == SlackWork.MAX_TOLD_WAITING);
    }

    @Test
    void startsHoldThreadsOfTheirOwnAndTheirWaitingCountsToo() {
        for (int i = 0; i < SlackWork.FAN_OUTS; i++) {
            launch();
        }
        CountDownLatch answered = new CountDownLatch(1);
        work.run("an answer while every launcher is busy", answered::countDown);
        await().atMost(5, TimeUnit.SECONDS).until(() -> answered.getCount() == 0);
        assertThat(done).hasValue(0);

        launch();
        launch();
        assertThat(waiting()).isEqualTo(2);
        assertThat(work.busy()).isFalse();
        launch();
        assertThat(work.busy()).isTrue();

        release.countDown();
        await().atMost(5, TimeUnit.SECONDS).until(() -> done.get() == SlackWork.FAN_OUTS + 3);
        assertThat(work.busy()).isFalse();
    }

    @Test
    void theLimitMustAllowSomething() {
        assertThatThrownBy(() -> new SlackWorkSettings(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alliance.slack.work.max-waiting");
        assertThat(new SlackWorkSettings(null).maxWaiting()).isEqualTo(10_000);
    }

    private void launch() {
        work.launch("T1", "U1", "held start", "down", this::heldWork);
    }

    private void submit() {
        work.run("held work", this::heldWork);
    }

    private void heldWork() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        done.incrementAndGet();
    }

    private double waiting() {
        return waiting(registry);
    }

    private static double waiting(SimpleMeterRegistry registry) {
        return registry.get("alliance.slack.work.waiting").gauge().value();
    }
}
