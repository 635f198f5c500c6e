package org.alliance.questions;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.SlackText;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

@Component
class TemplatesCommand implements Subcommand {

    private final QuestionSets questionSets;

    TemplatesCommand(QuestionSets questionSets) {
        this.questionSets = questionSets;
    }

    @Override
    public String name() {
        return "templates";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public String usage() {
        return "`/alliance templates` - the purposes you can start a check-in for, with their questions";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        StringBuilder text = new StringBuilder("*Purposes and their questions*\n");
        for (QuestionSet set : questionSets.all(input.teamId())) {
            text.append("\n*").append(SlackText.escape(set.title())).append("*  `").append(set.key()).append("`\n")
                    .append('_').append(SlackText.escape(set.objective())).append("_\n");
            int n = 1;
            for (Question q : set.questions()) {
                text.append(n++).append(". ").append(SlackText.escape(q.text()))
                        .append(q.kind() == QuestionKind.SCALE ? " _(1-5)_" : "").append('\n');
            }
        }
        text.append("\nOr ask your own questions: choose *Your own questions* in `/alliance start`.\n")
                .append("Example: `/alliance start trust @alex @sam due:3d visibility:leader`");
        return ctx.ack(Ephemeral.of(text.toString()));
    }
}
