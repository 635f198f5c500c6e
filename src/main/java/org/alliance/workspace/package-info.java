/**
 * Infrastructure: the Slack workspaces the bot is installed in.
 */
@ApplicationModule(displayName = "Workspaces")
package org.alliance.workspace;

import org.springframework.modulith.ApplicationModule;
