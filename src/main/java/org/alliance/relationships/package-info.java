/**
 * Feature: the leader's people over time: whom they have checked in with, when last, and
 * whether they still want to be told when it has been too long (the drift alert).
 */
@ApplicationModule(displayName = "Relationships")
package org.alliance.relationships;

import org.springframework.modulith.ApplicationModule;
