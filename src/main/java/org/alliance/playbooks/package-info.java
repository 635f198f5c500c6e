/**
 * Feature: purposes run as a short series of check-ins (a kick-off, then a pulse and a look back, or a
 * mid-point and a wrap-up), because some conversations need coming back to, not asking once.
 */
@ApplicationModule(displayName = "Playbooks")
package org.alliance.playbooks;

import org.springframework.modulith.ApplicationModule;
