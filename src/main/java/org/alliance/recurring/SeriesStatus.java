package org.alliance.recurring;

enum SeriesStatus {
    ACTIVE, PAUSED, STOPPED
}
