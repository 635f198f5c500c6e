package org.alliance.slack;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.persistence.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dispatches {@code /alliance <word> ...}. An empty command goes to the {@code start}
 * subcommand when there is one, so typing just {@code /alliance} opens the start modal.
 */
@Component
class CommandRouter {

    static final String COMMAND = "/alliance";
    private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

    private final Map<String, Subcommand> subcommands;
    // The same for everyone, and answered often: written once.
    private final String help;

    CommandRouter(List<Subcommand> subcommands) {
        this.subcommands = subcommands.stream()
                .sorted(Comparator.comparingInt(Subcommand::order).thenComparing(Subcommand::name))
                .collect(Collectors.toMap(Subcommand::name, s -> s, (a, b) -> {
                    throw new IllegalStateException("two subcommands named " + a.name());
                }, LinkedHashMap::new));
        this.help = helpText(null);
    }

    Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload p = request.getPayload();
        CommandInput input = CommandInput.parse(p.getTeamId(), p.getUserId(), p.getChannelId(), p.getText(),
                p.getTriggerId(), p.getResponseUrl());
        String word = input.subcommand().isEmpty() && subcommands.containsKey("start") ? "start" : input.subcommand();
        if (word.isEmpty() || word.equals("help")) {
            return ctx.ack(Ephemeral.of(help));
        }
        Subcommand subcommand = subcommands.get(word);
        if (subcommand == null) {
            return ctx.ack(Ephemeral.of(helpText(word)));
        }
        try {
            return subcommand.handle(input, ctx);
        } catch (Exception e) {
            if (DatabaseOutage.in(e)) {
                log.warn("/alliance {} for user {} in team {}: database unreachable ({})", word, input.userId(),
                        input.teamId(), DatabaseOutage.summary(e));
                return ctx.ack(Ephemeral.of(OutageAnswers.CANT_SAVE));
            }
            log.error("/alliance {} failed for user {} in team {}", word, input.userId(), input.teamId(), e);
            return ctx.ack(Ephemeral.of(":warning: Sorry, something went wrong with `/alliance " + word
                    + "`. Please try again in a moment."));
        }
    }

    String helpText(String unknownWord) {
        StringBuilder text = new StringBuilder();
        if (unknownWord != null) {
            text.append("I don't know the command `").append(SlackText.escape(unknownWord))
                    .append("`. Here is what I can do:\n\n");
        } else {
            text.append("*Alliance* helps you run check-ins: purposeful questions to the people you lead, "
                    + "answered privately and shared only as you promise.\n\n");
        }
        for (Subcommand s : subcommands.values()) {
            if (s.usage() != null) {
                text.append("• ").append(s.usage()).append('\n');
            }
        }
        text.append("• `/alliance help` - this message");
        return text.toString();
    }
}
