package org.alliance.install;

import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Distribution ("Add to Slack" for any workspace) is on when all three credentials are set; one or
 * two of them is a mistake, named at start-up rather than silently running the single-token mode.
 */
@ConfigurationProperties("alliance.slack.oauth")
public record OAuthSettings(String clientId, String clientSecret, String stateSecret, String redirectUri) {

    /** The bot scopes manifest.yml asks for; a test keeps the two the same. */
    public static final String BOT_SCOPES =
            "commands,chat:write,im:history,users:read,app_mentions:read,usergroups:read,channels:read,groups:read,files:write";

    public OAuthSettings {
        clientId = trim(clientId);
        clientSecret = trim(clientSecret);
        stateSecret = trim(stateSecret);
        redirectUri = trim(redirectUri);
        long set = Stream.of(clientId, clientSecret, stateSecret).filter(s -> !s.isEmpty()).count();
        if (set != 0 && set != 3) {
            throw new IllegalArgumentException("SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together:"
                    + " set all three to let any workspace install the bot, or none for the single SLACK_BOT_TOKEN");
        }
        if (!redirectUri.isEmpty() && !redirectUri.startsWith("https://") && !redirectUri.startsWith("http://")) {
            throw new IllegalArgumentException("SLACK_REDIRECT_URI must be an http(s) URL ending in /slack/oauth_redirect");
        }
    }

    /** Distribution mode: tokens come from installs, not from SLACK_BOT_TOKEN. */
    public boolean enabled() {
        return !clientId.isEmpty();
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public String toString() {
        // Never print secrets.
        return "OAuthSettings[enabled=" + enabled() + ", redirectUri=" + redirectUri + "]";
    }
}
