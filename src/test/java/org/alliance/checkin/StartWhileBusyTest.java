package org.alliance.checkin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonObject;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import org.alliance.slack.SlackWork;
import org.alliance.support.FakeSlack;
import org.alliance.support.StartFormState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.alliance.support.CheckInDriver.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While {@code alliance.slack.work.max-waiting} pieces of work wait (10,000 by default), every way
 * of starting a check-in refuses with a word to the leader, and nothing is queued, stored or sent for it.
 */
class StartWhileBusyTest extends CheckInScenario {

    private static final int WORKERS = 4;
    private static final int MAX_WAITING = 10_000;

    @Autowired
    SlackWork work;

    @Autowired
    MeterRegistry registry;

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private int handedOver;

    /** The workers are held and as much waits behind them as the bot lets wait. */
    @BeforeEach
    void fillTheQueue() {
        assertThat(work.busy()).isFalse();
        for (handedOver = 0; handedOver < WORKERS + MAX_WAITING; handedOver++) {
            work.run("held by the test", () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                held.incrementAndGet();
            });
        }
        await().atMost(WAIT).until(work::busy);
    }

    @AfterEach
    void drain() {
        release.countDown();
        await().atMost(WAIT).until(() -> held.get() == handedOver && !work.busy());
    }

    @Test
    void theQuickStartAndTheBareCommandAreRefusedInTheirAcksAndAcceptedOnceTheWorkHasGone() {
        double waiting = waiting();
        int formsOpened = slack.calls("views.open").size();

        assertThat(ackText(driver.command(LEADER, "C0BUSYQ", "start trust <@U0ALICE>"))).isEqualTo(StartCheckIn.BUSY);
        assertThat(ackText(driver.command(LEADER, "C0BUSYQ", "start"))).isEqualTo(StartCheckIn.BUSY);

        assertThat(waiting()).as("nothing queued for them").isLessThanOrEqualTo(waiting);
        assertThat(slack.calls("views.open")).hasSize(formsOpened);
        releaseAndDrain();
        assertThat(work.busy()).isFalse();
        driver.startAs(LEADER, "C0BUSYQ", "trust <@U0ALICE>", 1);
        assertThat(checkInsIn("C0BUSYQ")).isEqualTo(1);
    }

    @Test
    void theStartFormStaysOpenWithTheReasonUnderItsPeople() {
        String objective = "Busy " + System.nanoTime();
        double waiting = waiting();

        JsonObject errors = viewErrors(requests.interaction(requests.viewSubmission(LEADER, StartModal.CALLBACK_ID,
                "C0TEAM", StartFormState.of("trust", objective, List.of("U0ALICE"), "C0TEAM", "leader",
                        clock.instant().plus(Duration.ofDays(1))).json())));

        assertThat(errors.keySet()).containsExactly(StartModal.PEOPLE_BLOCK);
        assertThat(errors.get(StartModal.PEOPLE_BLOCK).getAsString()).isEqualTo(StartCheckIn.BUSY_IN_FORM);
        assertThat(waiting()).as("nothing queued for it").isLessThanOrEqualTo(waiting);
        releaseAndDrain();
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() ->
                db.getCollection("checkins").countDocuments(Filters.eq("checkIn.objective", objective)) == 0);
    }

    @Test
    void aMentionIsToldAtOnceNotBehindTheWaitingWork() {
        double waiting = waiting();
        assertThat(requests.event(requests.appMention(LEADER, "C0BUSY", "start trust <@U0ALICE>", null)).statusCode())
                .isEqualTo(200);

        // Told while every worker is still held: the refusal doesn't wait its turn behind them.
        FakeSlack.Call told = awaitCall("chat.postEphemeral", in("C0BUSY").and(c -> LEADER.equals(c.param("user"))));
        assertThat(told.param("text")).isEqualTo(StartCheckIn.BUSY);
        assertThat(work.busy()).isTrue();
        assertThat(waiting()).as("nothing queued for it").isLessThanOrEqualTo(waiting);
        releaseAndDrain();
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> checkInsIn("C0BUSY") == 0);
    }

    private void releaseAndDrain() {
        release.countDown();
        await().atMost(WAIT).until(() -> held.get() == handedOver && waiting() == 0);
    }

    private double waiting() {
        return registry.get("alliance.slack.work.waiting").gauge().value();
    }

    private long checkInsIn(String channel) {
        return db.getCollection("checkins").countDocuments(Filters.eq("checkIn.channelId", channel));
    }
}
