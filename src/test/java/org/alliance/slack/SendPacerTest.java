package org.alliance.slack;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendPacerTest {

    @Test
    void messagesToOneConversationAreSpacedByTheGap() {
        SendPacer pacer = new SendPacer(new SlackRateSettings(60_000, Duration.ofMillis(200), Duration.ofSeconds(5)));

        long start = System.nanoTime();
        pacer.awaitTurn("T1", "D1");
        pacer.awaitTurn("T1", "D1");
        pacer.awaitTurn("T1", "D1");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void theWorkspaceBudgetSpacesMessagesToDifferentConversations() {
        // 120 a minute: one every 500 ms across the whole workspace.
        SendPacer pacer = new SendPacer(new SlackRateSettings(120, Duration.ZERO, Duration.ofSeconds(5)));

        long start = System.nanoTime();
        pacer.awaitTurn("T1", "D1");
        pacer.awaitTurn("T1", "D2");
        pacer.awaitTurn("T1", "D3");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void workspacesHaveTheirOwnBudget() {
        SendPacer pacer = new SendPacer(new SlackRateSettings(1, Duration.ZERO, Duration.ofSeconds(5)));

        long start = System.nanoTime();
        pacer.awaitTurn("T1", "D1");
        pacer.awaitTurn("T2", "D1");

        // With one message a minute, sharing a budget would have waited a minute.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
}
