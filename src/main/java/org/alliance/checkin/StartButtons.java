package org.alliance.checkin;

/**
 * Buttons anywhere in the bot (Home, the drift alert) that open the start form. Check-ins handle
 * them; others only show them.
 */
public final class StartButtons {

    /** Opens an empty start form. */
    public static final String START = id("start_open");
    /** Opens the start form with one person filled in; the button's value is their user id. */
    public static final String CHECK_IN_WITH = id("start_with_person");

    private StartButtons() {
    }

    /**
     * Not a compile-time constant on purpose: javac would copy a literal into every class that
     * shows the button, and the architecture test could no longer see who uses this contract.
     */
    private static String id(String actionId) {
        return actionId;
    }
}
