package org.alliance.relationships;

/** Stop tracking, in the drift alert; the value is the person's user id. */
final class DriftButtons {

    static final String STOP_TRACKING = "drift_stop_tracking";

    private DriftButtons() {
    }
}
