/**
 * Feature: what a leader commits to after an answer, its reminders and "did it help?".
 */
@ApplicationModule(displayName = "Commitments")
package org.alliance.commitments;

import org.springframework.modulith.ApplicationModule;
