/**
 * Feature: the Home tab.
 */
@ApplicationModule(displayName = "App Home")
package org.alliance.home;

import org.springframework.modulith.ApplicationModule;
