package org.alliance.relationships;

import java.time.Duration;
import java.util.Map;

import org.alliance.recurring.ExpectedCheckIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Finds the drift rule for a leader: Home's marker and the alert both ask here, so they always agree. */
@Component
class DriftRule {

    /** Each person's rhythm in the leader's recurring check-ins. */
    interface Rhythms {
        Map<String, Duration> of(String teamId, String leaderId);
    }

    private final DriftSettings settings;
    private final Rhythms rhythms;

    @Autowired
    DriftRule(DriftSettings settings, ExpectedCheckIns expected) {
        this(settings, expected::intervals);
    }

    DriftRule(DriftSettings settings, Rhythms rhythms) {
        this.settings = settings;
        this.rhythms = rhythms;
    }

    DriftLimits limits(String teamId, String leaderId) {
        return new DriftLimits(rhythms.of(teamId, leaderId), settings);
    }

    DriftSettings settings() {
        return settings;
    }
}
