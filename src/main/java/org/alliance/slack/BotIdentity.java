package org.alliance.slack;

/** Who the bot is in which workspace, as auth.test tells it. */
record BotIdentity(String teamId, String teamName, String botUserId, String botUserName, String botId) {
    @Override
    public String toString() {
        return teamName + " (" + teamId + ") as @" + botUserName + " (" + botUserId + ")";
    }
}
