package org.alliance.recurring;

public enum SeriesStatus {
    ACTIVE, PAUSED, STOPPED
}
