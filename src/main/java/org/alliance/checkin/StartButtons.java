package org.alliance.checkin;

/**
 * Buttons anywhere in the bot (Home, the drift alert) that open the start form. Check-ins handle
 * them; others only show them.
 */
public final class StartButtons {

    /** Opens an empty start form. */
    public static final String START = "start_open";
    /** Opens the start form with one person filled in; the button's value is their user id. */
    public static final String CHECK_IN_WITH = "start_with_person";

    private StartButtons() {
    }
}
