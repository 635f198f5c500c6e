package org.alliance.checkin;

enum ResponseStatus {
    PENDING, ANSWERED, SKIPPED, MISSED;

    public boolean outstanding() {
        return this == PENDING;
    }
}
