package org.alliance.checkin;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import java.util.List;

import org.alliance.slack.Ephemeral;
import org.alliance.slack.SlackText;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;
import org.alliance.slack.SlackDates;

@Component
class ListCommand implements Subcommand {

    private final CheckInQueries queries;
    private final Recurring recurring;

    ListCommand(CheckInQueries queries, Recurring recurring) {
        this.queries = queries;
        this.recurring = recurring;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String usage() {
        return "`/alliance list` - the check-ins you lead, and the ones waiting for your answer";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        CheckInQueries.Overview overview = queries.overview(input.teamId(), input.userId());
        StringBuilder text = new StringBuilder();
        text.append("*Check-ins you lead*\n");
        if (overview.leading().isEmpty()) {
            text.append("_None yet. Type `/alliance start` to begin one._\n");
        }
        for (CheckInQueries.Led led : overview.leading()) {
            CheckIn c = led.checkIn();
            text.append("• `").append(c.id()).append("` ").append(SlackText.escape(c.title())).append(" in <#").append(c.channelId())
                    .append("> - ").append(led.progress().summary()).append(" - ")
                    .append(c.isOpen() ? "due " + SlackDates.format(c.dueAt()) : c.endedWord()).append('\n');
        }
        List<String> series = recurring.describeLedBy(input.teamId(), input.userId());
        if (!series.isEmpty()) {
            text.append("\n*Recurring check-ins you lead*\n");
            series.forEach(line -> text.append("• ").append(line).append('\n'));
        }
        text.append("\n*Waiting for your answer*\n");
        if (overview.waitingForMe().isEmpty()) {
            text.append("_Nothing. You're all caught up._");
        }
        for (CheckIn c : overview.waitingForMe()) {
            text.append("• `").append(c.id()).append("` ").append(SlackText.escape(c.title())).append(" from <@").append(c.leaderId())
                    .append("> - due ").append(SlackDates.format(c.dueAt())).append(" (see your DMs from me)\n");
        }
        return ctx.ack(Ephemeral.of(text.toString().strip()));
    }
}
