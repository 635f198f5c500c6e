package org.alliance.checkin;

import java.util.Map;
import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.questions.Question;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.SlackText;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;
import org.alliance.slack.People;
import org.alliance.slack.SlackDates;

@Component
class StatusCommand implements Subcommand {

    private final CheckInQueries queries;
    private final Recurring recurring;

    StatusCommand(CheckInQueries queries, Recurring recurring) {
        this.queries = queries;
        this.recurring = recurring;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String usage() {
        return "`/alliance status <id>` - how a check-in or recurring check-in is going (with its answers, if you lead it and they are yours to see)";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        if (input.arguments().isBlank()) {
            return ctx.ack(Ephemeral.of("Which check-in? Type `/alliance status <id>`; `/alliance list` shows the ids."));
        }
        Optional<CheckInQueries.Status> found = queries.status(input.teamId(), input.arguments().split("\\s+")[0],
                input.userId());
        if (found.isEmpty()) {
            // A recurring check-in's id, as /alliance list shows it.
            Optional<String> series = recurring.status(input.teamId(), input.arguments().split("\\s+")[0],
                    input.userId());
            if (series.isPresent()) {
                return ctx.ack(Ephemeral.of(series.get()));
            }
            return ctx.ack(Ephemeral.of("I can't find a check-in with the id `" + SlackText.echo(input.arguments())
                    + "`. `/alliance list` shows yours."));
        }
        String text = render(found.get());
        return ctx.ack(NudgeButton.canNudge(found.get()) ? NudgeButton.reply(text, found.get().checkIn().id())
                : Ephemeral.of(text));
    }

    static String render(CheckInQueries.Status s) {
        CheckIn c = s.checkIn();
        StringBuilder text = new StringBuilder();
        text.append("*").append(SlackText.escape(c.title())).append("* `").append(c.id()).append("` led by <@")
                .append(c.leaderId()).append("> in <#").append(c.channelId()).append(">\n")
                .append(s.progress().summary()).append(" - ")
                .append(c.isOpen() ? "due " + SlackDates.format(c.dueAt()) : c.endedWord()).append('\n');
        s.mine().ifPresent(r -> text.append("Your part: ").append(r.status().name().toLowerCase()).append('\n'));
        if (s.asLeader()) {
            text.append("\n*People*\n");
            for (var r : s.responses()) {
                text.append("• <@").append(r.userId()).append("> ").append(r.status().name().toLowerCase());
                if (AwayReason.isAway(r.skipReason())) {
                    // Set by the bot, not typed by anyone: safe to show in every visibility.
                    text.append(" (").append(r.skipReason()).append(')');
                } else if (r.skipReason() != null && c.visibility() != Visibility.ANONYMOUS) {
                    text.append(": ").append(SlackText.escape(r.skipReason()));
                }
                text.append('\n');
            }
            if (!s.reminders().isEmpty()) {
                text.append("\n*Upcoming reminders* (when each will go, in each person's working hours)\n");
                for (CheckInQueries.Upcoming u : s.reminders()) {
                    text.append("• <@").append(u.userId()).append("> ").append(SlackDates.format(u.at())).append('\n');
                }
            } else if (c.isOpen()) {
                text.append("\n_No reminders left to send._\n");
            }
            if (c.visibility() == Visibility.ANONYMOUS) {
                text.append("\n_Answers are anonymous: you'll get a summary without names once the check-in ends, "
                        + "if at least ").append(c.anonymousThreshold()).append(" people have answered._");
            }
            if (!c.anonymousQuestions().isEmpty()) {
                text.append("\n_Answers to its anonymous questions are never shown here: you'll get them without "
                        + "names once the check-in ends, for each question only if at least ")
                        .append(c.anonymousThreshold()).append(" people have answered it._");
            }
            for (var r : s.answers()) {
                if (r.orderedAnswers(c).isEmpty()) {
                    continue;
                }
                text.append("\n*<@").append(r.userId()).append(">*\n");
                for (Map.Entry<String, String> a : r.orderedAnswers(c).entrySet()) {
                    String question = c.question(a.getKey()).map(Question::text).orElse(a.getKey());
                    String answer = c.question(a.getKey()).map(q -> q.shown(a.getValue())).orElse(a.getValue());
                    text.append("_").append(SlackText.escape(question)).append("_\n> ")
                            .append(SlackText.escape(answer).replace("\n", "\n> ")).append('\n');
                }
            }
        }
        String out = text.toString().strip();
        // An ephemeral message holds about 40,000 characters; a long status is cut, never lost.
        return out.length() > 35_000 ? out.substring(0, SlackText.safeCut(out, 35_000)) + "\n…(more in the thread and your DMs)" : out;
    }
}
