/**
 * Feature: the follow-through score, a leader's own look at how they follow up and follow
 * through, shown to them alone and never compared with anyone.
 */
@ApplicationModule(displayName = "Score")
package org.alliance.score;

import org.springframework.modulith.ApplicationModule;
