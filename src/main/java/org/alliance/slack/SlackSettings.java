package org.alliance.slack;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Slack credentials and the Web API address. A missing or malformed credential does not stop
 * the process: the bot keeps its database and health endpoint up, answers Slack with 503, and
 * says at start-up exactly what to fix (see {@link #problems()}).
 */
@ConfigurationProperties("alliance.slack")
record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl) {

    static final String README = "README.md, section \"Create the Slack app\"";

    public SlackSettings {
        botToken = trim(botToken);
        signingSecret = trim(signingSecret);
        appToken = trim(appToken);
        apiUrl = trim(apiUrl).isEmpty() ? "https://slack.com/api/" : trim(apiUrl);
        if (!apiUrl.endsWith("/")) {
            apiUrl = apiUrl + "/";
        }
        if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
            throw new IllegalArgumentException("SLACK_API_URL must be an http(s) URL, but was '" + apiUrl + "'");
        }
    }

    public boolean socketMode() {
        return !appToken.isEmpty();
    }

    public boolean httpEnabled() {
        return !signingSecret.isEmpty();
    }

    public List<String> problems() {
        return problems(false);
    }

    /**
     * Plain-language problems, each naming the setting and what a good value looks like. With
     * {@code distribution} the bot tokens come from installs, so SLACK_BOT_TOKEN is not needed.
     */
    public List<String> problems(boolean distribution) {
        List<String> problems = new ArrayList<>();
        if (distribution) {
            // Each workspace's token comes from its install.
        } else if (botToken.isEmpty()) {
            problems.add("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from your app's "
                    + "\"OAuth & Permissions\" page");
        } else if (!botToken.startsWith("xoxb-")) {
            problems.add("SLACK_BOT_TOKEN must be a bot token starting with xoxb-, but it starts with '"
                    + prefix(botToken) + "'");
        }
        if (socketMode()) {
            if (!appToken.startsWith("xapp-")) {
                problems.add("SLACK_APP_TOKEN must be an app-level token starting with xapp-, but it starts with '"
                        + prefix(appToken) + "'");
            }
        } else if (signingSecret.isEmpty()) {
            problems.add("SLACK_SIGNING_SECRET is not set: copy the Signing Secret from your app's \"Basic Information\" "
                    + "page (or set SLACK_APP_TOKEN to use Socket Mode instead)");
        }
        return problems;
    }

    private static String prefix(String token) {
        int dash = token.indexOf('-');
        return dash > 0 && dash <= 5 ? token.substring(0, dash + 1) : token.substring(0, Math.min(3, token.length())) + "...";
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public String toString() {
        // Never print secrets.
        return "SlackSettings[socketMode=" + socketMode() + ", apiUrl=" + apiUrl + "]";
    }
}
