/**
 * Infrastructure: small helpers every feature needs (short ids, people's time zones).
 */
@ApplicationModule(displayName = "Shared helpers", allowedDependencies = {"slack", "schedule"})
package org.alliance.shared;

import org.springframework.modulith.ApplicationModule;
