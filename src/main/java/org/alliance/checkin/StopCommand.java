package org.alliance.checkin;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.SlackWork;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;
import org.alliance.shared.ShortIds;

@Component
class StopCommand implements Subcommand {

    private final Ending ending;
    private final SlackWork work;
    private final Recurring recurring;
    private final Playbooks playbooks;

    StopCommand(Ending ending, SlackWork work, Recurring recurring, Playbooks playbooks) {
        this.ending = ending;
        this.work = work;
        this.recurring = recurring;
        this.playbooks = playbooks;
    }

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String usage() {
        return "`/alliance stop <id>` - stop a check-in, recurring check-in or playbook you lead (answers given so far are kept)";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        if (input.arguments().isBlank()) {
            return ctx.ack(Ephemeral.of("Which check-in? Type `/alliance stop <id>`; `/alliance list` shows the ids."));
        }
        String id = input.arguments().split("\\s+")[0];
        Ending.StopOutcome outcome = ending.stop(input.teamId(), id, input.userId());
        if (outcome instanceof Ending.StopOutcome.NotFound notFound) {
            String normalized = ShortIds.normalize(id);
            return ctx.ack(Ephemeral.of(recurring.stop(input.teamId(), normalized, input.userId())
                    .or(() -> playbooks.stop(input.teamId(), normalized, input.userId()))
                    .orElse(notFound.message())));
        }
        if (outcome instanceof Ending.StopOutcome.Refused refused) {
            return ctx.ack(Ephemeral.of(refused.message()));
        }
        Ending.StopOutcome.Stopped stopped = (Ending.StopOutcome.Stopped) outcome;
        work.fanOut("following up the stop of check-in " + stopped.checkIn().id(), () -> ending.followUp(stopped.checkIn()));
        return ctx.ack(Ephemeral.of(":octagonal_sign: Check-in `" + stopped.checkIn().id() + "` is stopped. "
                + stopped.progress().summary() + "; those answers are kept, and I've told everyone still "
                + "waiting that no answer is needed."));
    }
}
