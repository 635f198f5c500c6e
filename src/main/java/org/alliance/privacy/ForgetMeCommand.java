package org.alliance.privacy;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

/** {@code /alliance forget-me}: only asks; nothing is erased until the person confirms with the button. */
@Component
class ForgetMeCommand implements Subcommand {

    @Override
    public String name() {
        return "forget-me";
    }

    @Override
    public int order() {
        return 91;
    }

    @Override
    public String usage() {
        return "`/alliance forget-me` - erase what you wrote and replace your id with a pseudonym (asks first)";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        return ctx.ack(SlashCommandResponse.builder().responseType("ephemeral").text(ForgetMeMessages.QUESTION)
                .blocks(ForgetMeMessages.question()).build());
    }
}
