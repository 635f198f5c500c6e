/**
 * Feature: check-ins that repeat, each round at a local time in each person's own time zone.
 */
@ApplicationModule(displayName = "Recurring check-ins")
package org.alliance.recurring;

import org.springframework.modulith.ApplicationModule;
