/**
 * Feature: the built-in question sets for each purpose and {@code /alliance templates}.
 */
@ApplicationModule(displayName = "Question sets")
package org.alliance.questions;

import org.springframework.modulith.ApplicationModule;
