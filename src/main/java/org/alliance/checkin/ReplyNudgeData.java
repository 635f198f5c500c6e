package org.alliance.checkin;

/**
 * The one nudge about one person's answer. {@code leaderId} is who led the check-in when the
 * nudge was planned: a nudge never goes to anyone else.
 */
record ReplyNudgeData(String checkInId, String userId, String leaderId) {
}
