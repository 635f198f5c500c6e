package org.alliance.checkin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonObject;
import com.mongodb.client.model.Filters;
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
 * While more work waits than {@code alliance.slack.work.max-waiting} (10,000 by default), every way
 * of starting a check-in refuses with a word to the leader, and nothing is stored or sent for it.
 */
class StartWhileBusyTest extends CheckInScenario {

    private static final int WORKERS = 4;
    private static final int MAX_WAITING = 10_000;

    @Autowired
    SlackWork work;

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
    void theQuickStartIsRefusedInItsAckAndAcceptedOnceTheWorkHasGone() {
        assertThat(ackText(driver.command(LEADER, "C0BUSYQ", "start trust <@U0ALICE>"))).isEqualTo(StartCheckIn.BUSY);

        release.countDown();
        await().atMost(WAIT).until(() -> !work.busy());
        assertThat(checkInsIn("C0BUSYQ")).isZero();
        assertThat(ackText(driver.command(LEADER, "C0BUSYQ", "start trust <@U0ALICE>")))
                .isEqualTo(StartCheckIn.underWay(new StartCheckIn.Repeat(null, null)));
        await().atMost(WAIT).until(() -> checkInsIn("C0BUSYQ") == 1);
    }

    @Test
    void theStartFormStaysOpenWithTheReasonUnderItsPeople() {
        String objective = "Busy " + System.nanoTime();

        JsonObject errors = viewErrors(requests.interaction(requests.viewSubmission(LEADER, StartModal.CALLBACK_ID,
                "C0TEAM", StartFormState.of("trust", objective, List.of("U0ALICE"), "C0TEAM", "leader",
                        clock.instant().plus(Duration.ofDays(1))).json())));

        assertThat(errors.keySet()).containsExactly(StartModal.PEOPLE_BLOCK);
        assertThat(errors.get(StartModal.PEOPLE_BLOCK).getAsString()).isEqualTo(StartCheckIn.BUSY_IN_FORM);
        release.countDown();
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !work.busy());
        assertThat(db.getCollection("checkins").countDocuments(Filters.eq("checkIn.objective", objective))).isZero();
    }

    @Test
    void aMentionIsToldOnceTheBotGetsToIt() {
        String ts = String.format("%d.%06d", clock.instant().getEpochSecond(), System.nanoTime() % 1_000_000);
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_mention");
        event.addProperty("user", LEADER);
        event.addProperty("text", "<@" + FakeSlack.BOT_USER_ID + "> start trust <@U0ALICE>");
        event.addProperty("ts", ts);
        event.addProperty("event_ts", ts);
        event.addProperty("channel", "C0BUSY");
        event.addProperty("channel_type", "channel");

        assertThat(requests.event(event.toString()).statusCode()).isEqualTo(200);
        release.countDown();

        FakeSlack.Call told = awaitCall("chat.postEphemeral", in("C0BUSY").and(c -> LEADER.equals(c.param("user"))));
        assertThat(told.param("text")).isEqualTo(StartCheckIn.BUSY);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> checkInsIn("C0BUSY") == 0);
        assertThat(calls("chat.postMessage", in("C0BUSY"))).isEmpty();
    }

    private long checkInsIn(String channel) {
        return db.getCollection("checkins").countDocuments(Filters.eq("checkIn.channelId", channel));
    }
}
