package org.alliance.commitments;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

@Component
class CommitmentsCommand implements Subcommand {

    private final Commitments commitments;

    CommitmentsCommand(Commitments commitments) {
        this.commitments = commitments;
    }

    @Override
    public String name() {
        return "commitments";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String usage() {
        return "`/alliance commitments` - what you've committed to after check-ins, and what others committed to you";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        return ctx.ack(Ephemeral.of(CommitmentMessages.list(commitments.mine(input.teamId(), input.userId()))));
    }
}
