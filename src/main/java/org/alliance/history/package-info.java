/**
 * Feature: {@code /alliance history}: everything that passed between a leader and one person
 * over time, as the promises made when each check-in started allow.
 */
@ApplicationModule(displayName = "History")
package org.alliance.history;

import org.springframework.modulith.ApplicationModule;
