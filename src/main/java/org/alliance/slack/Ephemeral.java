package org.alliance.slack;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;

/** Replies only the person who typed the command can see. */
public final class Ephemeral {

    private Ephemeral() {
    }

    public static SlashCommandResponse of(String mrkdwn) {
        return SlashCommandResponse.builder().responseType("ephemeral").text(mrkdwn).build();
    }
}
