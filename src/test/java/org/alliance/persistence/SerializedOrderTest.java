package org.alliance.persistence;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The unique indexes' keys compare exactly as H2 compares them, so files stay readable either way. */
class SerializedOrderTest {

    @Test
    void ordersKeysAsH2DoesAgainAndAgain() {
        List<KeyValue> keys = new ArrayList<>();
        for (String id : List.of("a", "b", "ab", "j10", "j9", "", "Ünïcode", "a much longer key than the others")) {
            keys.add(new KeyValue(id));
            keys.add(new KeyValue("T0001", id));
        }
        keys.add(new KeyValue(7));
        keys.add(new KeyValue(7L));
        keys.add(new KeyValue(12.5));
        keys.add(new KeyValue(new Date(1_700_000_000_000L)));
        keys.add(new KeyValue((Object) null));
        ObjectDataType h2 = new ObjectDataType();
        SerializedOrder ours = new SerializedOrder();

        for (int round = 0; round < 3; round++) { // later rounds find the bytes kept from the first
            for (KeyValue a : keys) {
                for (KeyValue b : keys) {
                    assertThat(Integer.signum(ours.compare(a, b))).as("%s against %s", a, b)
                            .isEqualTo(Integer.signum(h2.compare(a, b)));
                }
            }
        }
        assertThat(ours.compare(new KeyValue("same"), new KeyValue("same"))).isZero();
        assertThat(ours.compare(1L, 2L)).isNegative();
    }
}
