package org.alliance.recurring;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

@Component
class PauseCommand implements Subcommand {

    private final RecurringCheckIns recurring;

    PauseCommand(RecurringCheckIns recurring) {
        this.recurring = recurring;
    }

    @Override
    public String name() {
        return "pause";
    }

    @Override
    public int order() {
        return 42;
    }

    @Override
    public String usage() {
        return "`/alliance pause <id>` / `/alliance resume <id>` - pause or resume a recurring check-in you lead";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        if (input.arguments().isBlank()) {
            return ctx.ack(Ephemeral.of("Which one? Type `/alliance pause <id>`; `/alliance list` shows the ids."));
        }
        return ctx.ack(Ephemeral.of(recurring.pause(input.teamId(), input.arguments().split("\\s+")[0],
                input.userId())));
    }
}
