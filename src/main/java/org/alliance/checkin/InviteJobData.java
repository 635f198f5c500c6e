package org.alliance.checkin;

/** One person's invitation to a round, sent at their own local time. */
record InviteJobData(String checkInId, String userId) {
}
