/**
 * Feature: {@code /alliance export}: a check-in, everything with one person, or one's own answers,
 * as a CSV file sent to the asker's DM, within the same privacy promises as everywhere else.
 */
@ApplicationModule(displayName = "Export")
package org.alliance.export;

import org.springframework.modulith.ApplicationModule;
