package org.alliance.relationships;

/** Stop tracking, in the drift alert; the value is the person's user id. */
public final class DriftButtons {

    public static final String STOP_TRACKING = id("drift_stop_tracking");

    private DriftButtons() {
    }

    /**
     * Not a compile-time constant on purpose: javac would copy a literal into every class that
     * shows the button, and the architecture test could no longer see who uses this contract.
     */
    private static String id(String actionId) {
        return actionId;
    }
}
