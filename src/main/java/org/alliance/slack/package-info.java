/**
 * Infrastructure: the Bolt app, the rate-limit-aware Web API client, the directory of people, and
 * the routes features register ({@link org.alliance.slack.Subcommand}, {@link org.alliance.slack.ActionRoute},
 * {@link org.alliance.slack.SubmissionRoute}, {@link org.alliance.slack.EventRoute}).
 */
@ApplicationModule(displayName = "Slack adapter", allowedDependencies = {"workspace", "persistence", "install"})
package org.alliance.slack;

import org.springframework.modulith.ApplicationModule;
