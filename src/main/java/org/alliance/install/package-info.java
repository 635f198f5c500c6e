/**
 * Infrastructure: installing the bot in many workspaces with Slack's OAuth ("Add to Slack"), and
 * each workspace's bot token, stored encrypted. Off unless {@code SLACK_CLIENT_ID},
 * {@code SLACK_CLIENT_SECRET} and {@code SLACK_STATE_SECRET} are set; the Slack adapter then takes
 * every token from {@link org.alliance.install.Installations}.
 */
@ApplicationModule(displayName = "Installs", allowedDependencies = {"workspace", "schedule", "persistence"})
package org.alliance.install;

import org.springframework.modulith.ApplicationModule;
