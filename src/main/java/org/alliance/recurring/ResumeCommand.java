package org.alliance.recurring;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

@Component
class ResumeCommand implements Subcommand {

    private final RecurringCheckIns recurring;

    ResumeCommand(RecurringCheckIns recurring) {
        this.recurring = recurring;
    }

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public int order() {
        return 43;
    }

    @Override
    public String usage() {
        // The pause command's help line covers resume too.
        return null;
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        if (input.arguments().isBlank()) {
            return ctx.ack(Ephemeral.of("Which one? Type `/alliance resume <id>`; `/alliance list` shows the ids."));
        }
        return ctx.ack(Ephemeral.of(recurring.resume(input.teamId(), input.arguments().split("\\s+")[0],
                input.userId())));
    }
}
