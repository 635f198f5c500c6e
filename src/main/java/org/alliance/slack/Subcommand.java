package org.alliance.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

/** One word after {@code /alliance}. Must answer quickly: slow work goes to {@link SlackWork}. */
public interface Subcommand {

    /** The word that selects it, e.g. {@code start}. */
    String name();

    /** One help line in mrkdwn, e.g. "`/alliance list` - the check-ins you lead or owe an answer to"; null to share another's. */
    String usage();

    /** Where it stands in the help text; lower first. */
    default int order() {
        return 100;
    }

    Response handle(CommandInput input, SlashCommandContext ctx) throws Exception;
}
