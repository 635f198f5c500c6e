package org.alliance.checkin;

public enum ResponseStatus {
    PENDING, ANSWERED, SKIPPED, MISSED;

    public boolean outstanding() {
        return this == PENDING;
    }
}
