/**
 * Feature: a check-in from start to digest: starting, inviting, answering, sharing as promised,
 * reminders, the deadline and the leader's follow-up.
 */
@ApplicationModule(displayName = "Check-ins")
package org.alliance.checkin;

import org.springframework.modulith.ApplicationModule;
