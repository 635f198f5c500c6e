package org.alliance.commitments;

/** One of a commitment's two reminders. */
record CommitmentReminderData(String commitmentId, CommitmentReminders.When when) {
}
