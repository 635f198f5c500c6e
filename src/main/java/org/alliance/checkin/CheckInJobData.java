package org.alliance.checkin;

/** Work about a whole check-in: closing it at its due time, or the leader's follow-up after it ended. */
record CheckInJobData(String checkInId) {
}
