package org.alliance.slack;

import org.alliance.install.Installations;
import org.springframework.stereotype.Component;

/**
 * The bot token for a call on a workspace's behalf: {@code SLACK_BOT_TOKEN} in the single-workspace
 * mode, else that workspace's own, from its install. Never another workspace's: a workspace without
 * an install gets {@link SlackCallFailed} with error {@value #NOT_INSTALLED}, and no call is made.
 */
interface BotTokens {

    String NOT_INSTALLED = "not_installed";

    String tokenFor(String teamId, String method);

    @Component
    class Installed implements BotTokens {

        private final SlackSettings settings;
        private final Installations installations;

        Installed(SlackSettings settings, Installations installations) {
            this.settings = settings;
            this.installations = installations;
        }

        @Override
        public String tokenFor(String teamId, String method) {
            if (!installations.distribution()) {
                return settings.botToken();
            }
            return installations.botToken(teamId).orElseThrow(() -> new SlackCallFailed(method, NOT_INSTALLED, null));
        }
    }
}
