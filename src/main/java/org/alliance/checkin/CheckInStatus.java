package org.alliance.checkin;

enum CheckInStatus {
    OPEN,
    /** Everyone answered or skipped. */
    COMPLETED,
    /** The due time passed with answers missing. */
    CLOSED,
    /** The leader stopped it. */
    STOPPED;

    public boolean isOpen() {
        return this == OPEN;
    }
}
