package org.alliance.checkin;

/** Reminder {@code n} (from 1) to one person who hasn't answered a check-in yet. */
record ReminderJobData(String checkInId, String userId, int n) {
}
