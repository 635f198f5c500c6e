package org.alliance.playbooks;

import java.util.List;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/** {@code /alliance playbooks}: the playbooks you lead with steps still to come, with Skip and Stop. */
@Component
class PlaybooksCommand implements Subcommand {

    /** Two blocks each, under Slack's 50 per message. */
    static final int SHOWN = 20;
    static final String NONE = "You have no playbooks with steps still to come. Start one with `/alliance start "
            + "change @person… playbook:on`, or tick *Run as a playbook* in the start form.";

    private final PlaybookQueries queries;

    PlaybooksCommand(PlaybookQueries queries) {
        this.queries = queries;
    }

    @Override
    public String name() {
        return "playbooks";
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public String usage() {
        return "`/alliance playbooks` - your playbooks' upcoming steps, to skip one or stop the rest";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        List<Playbook> running = queries.runningLedBy(input.teamId(), input.userId());
        if (running.isEmpty()) {
            return ctx.ack(Ephemeral.of(NONE));
        }
        List<LayoutBlock> blocks = new java.util.ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*Your playbooks* (only you see this)"))));
        blocks.addAll(PlaybookBlocks.upcoming(running, SHOWN));
        return ctx.ack(SlashCommandResponse.builder().responseType("ephemeral")
                .text("Your playbooks: " + running.size()).blocks(blocks).build());
    }
}
