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
}
