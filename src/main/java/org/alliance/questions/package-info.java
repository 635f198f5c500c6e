/**
 * Feature: the built-in question sets for each purpose, the sets people save for their workspace
 * ({@code /alliance templates new|edit|delete}), and {@code /alliance templates}.
 */
@ApplicationModule(displayName = "Question sets")
package org.alliance.questions;

import org.springframework.modulith.ApplicationModule;
