package org.alliance.history;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.Replies;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

/** {@code /alliance history [@person]}: the history modal, between you and them, or your own answers. */
@Component
class HistoryCommand implements Subcommand {

    private final HistoryInteractions interactions;
    private final Replies replies;

    HistoryCommand(HistoryInteractions interactions, Replies replies) {
        this.interactions = interactions;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public String usage() {
        return "`/alliance history @person` - what passed between you and someone you checked in with; "
                + "`/alliance history` alone - your own answers";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        HistoryTarget target = HistoryTarget.parse(input.arguments(), input.userId());
        return interactions.open(input.teamId(), input.userId(), target, input.triggerId(),
                        text -> replies.viaResponseUrl(input.responseUrl(), text))
                .map(text -> ctx.ack(Ephemeral.of(text)))
                .orElseGet(ctx::ack);
    }
}
