package org.alliance.checkin;

/** The one nudge about an anonymous check-in's summary; it names nobody, so it carries nobody. */
record SummaryNudgeData(String checkInId, String leaderId) {
}
