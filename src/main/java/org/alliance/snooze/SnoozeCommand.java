package org.alliance.snooze;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.SlackText;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;
import org.alliance.slack.SlackDates;

@Component
class SnoozeCommand implements Subcommand {

    private static final Pattern DAYS = Pattern.compile("(\\d{1,3})\\s*d(ays?)?");

    private final Snoozes snoozes;

    SnoozeCommand(Snoozes snoozes) {
        this.snoozes = snoozes;
    }

    @Override
    public String name() {
        return "snooze";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public String usage() {
        return "`/alliance snooze <n>d` - away for n days: no new check-ins or reminders (`/alliance snooze off` to end it)";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        String arg = input.arguments().strip().toLowerCase(Locale.ROOT);
        if (arg.equals("off") || arg.equals("end") || arg.equals("stop")) {
            boolean was = snoozes.wake(input.teamId(), input.userId());
            return ctx.ack(Ephemeral.of(was ? ":wave: Welcome back! Check-ins and reminders will reach you again."
                    : "You weren't snoozed, so nothing changed."));
        }
        Matcher m = DAYS.matcher(arg);
        if (!m.matches()) {
            return ctx.ack(Ephemeral.of("I didn't understand `" + SlackText.echo(input.arguments())
                    + "`. Type `/alliance snooze 7d` to be away for 7 days, or `/alliance snooze off`."));
        }
        int days = Integer.parseInt(m.group(1));
        if (days < 1 || days > Snoozes.LONGEST.toDays()) {
            return ctx.ack(Ephemeral.of("Please snooze for 1 to " + Snoozes.LONGEST.toDays() + " days."));
        }
        Instant until = snoozes.snooze(input.teamId(), input.userId(), Duration.ofDays(days));
        return ctx.ack(Ephemeral.of(":palm_tree: You're away until " + SlackDates.format(until) + ". New check-ins will skip you, you won't get reminders, "
                + "and leaders will see you're away. `/alliance snooze off` ends it early."));
    }
}
