/**
 * Feature: {@code /alliance snooze}, time away from check-ins.
 */
@ApplicationModule(displayName = "Snooze")
package org.alliance.snooze;

import org.springframework.modulith.ApplicationModule;
