/**
 * Feature: what happens when a workspace removes the app or Slack rejects its token: its scheduled
 * work stops at once, its data is kept for a while so a reinstall picks up where it left off, and
 * is then purged from every collection.
 */
@ApplicationModule(displayName = "Uninstall")
package org.alliance.uninstall;

import org.springframework.modulith.ApplicationModule;
