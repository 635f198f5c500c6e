package org.alliance.schedule;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DueOrderTest {

    private static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");

    @Test
    void aRebuildKeepsWhatThisInstanceWroteWhileItReadTheDatabase() {
        DueOrder order = new DueOrder();
        order.put("finished-meanwhile", NOW.minusSeconds(10));

        order.rebuild(() -> {
            // The scan read these before the writes below reached the database.
            List<DueOrder.Entry> read = List.of(new DueOrder.Entry(NOW.minusSeconds(10), "finished-meanwhile"),
                    new DueOrder.Entry(NOW.plusSeconds(60), "moved-meanwhile"));
            order.remove("finished-meanwhile");
            order.put("moved-meanwhile", NOW.minusSeconds(5));
            order.put("added-meanwhile", NOW.minusSeconds(1));
            return read;
        });

        assertThat(order.size()).isEqualTo(2);
        assertThat(order.due(NOW)).hasValueSatisfying(e -> assertThat(e.key()).isEqualTo("moved-meanwhile"));
        order.remove("moved-meanwhile");
        assertThat(order.due(NOW)).hasValueSatisfying(e -> assertThat(e.key()).isEqualTo("added-meanwhile"));
        order.remove("added-meanwhile");
        assertThat(order.due(NOW)).isEmpty();
    }

    @Test
    void aRebuildReplacesWhatOthersChanged() {
        DueOrder order = new DueOrder();
        order.put("gone", NOW.minusSeconds(10));

        order.rebuild(() -> List.of(new DueOrder.Entry(NOW.plusSeconds(60), "new")));

        assertThat(order.due(NOW)).isEmpty();
        assertThat(order.countDue(NOW.plusSeconds(60), 10)).isEqualTo(1);
    }

    @Test
    void workAfterTheHorizonIsLeftForALaterRebuild() {
        DueOrder order = new DueOrder();
        Instant horizon = NOW.plusSeconds(120);

        order.rebuild(() -> {
            order.put("moved-far-meanwhile", NOW.plusSeconds(30));
            order.put("moved-far-meanwhile", NOW.plusSeconds(3_600));
            return List.of(new DueOrder.Entry(NOW.plusSeconds(60), "soon"),
                    new DueOrder.Entry(NOW.plusSeconds(86_400), "tomorrow"));
        }, horizon);

        assertThat(order.size()).as("only soon").isEqualTo(1);
        assertThat(order.horizon()).isEqualTo(horizon);
        order.put("added-far", NOW.plusSeconds(600));
        order.put("soon", NOW.plusSeconds(7_200));
        assertThat(order.size()).as("a far put is left out and takes a near entry out").isZero();
        order.put("added-near", NOW.plusSeconds(90));
        assertThat(order.countDue(horizon, 10)).isEqualTo(1);

        order.rebuild(() -> List.of(new DueOrder.Entry(NOW.plusSeconds(86_400), "tomorrow")),
                NOW.plusSeconds(90_000));
        assertThat(order.countDue(NOW.plusSeconds(86_400), 10)).as("read once the horizon reaches it").isEqualTo(1);
    }
}
