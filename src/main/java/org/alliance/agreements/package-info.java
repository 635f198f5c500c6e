/**
 * Feature: the alliance agreement, "How we work together": a leader turns a person's answers into
 * a few agreed points the person confirms, kept with their versions and reviewed now and then,
 * because what was learned in a check-in is lost unless the two of them write it down.
 */
@ApplicationModule(displayName = "Agreements")
package org.alliance.agreements;

import org.springframework.modulith.ApplicationModule;
