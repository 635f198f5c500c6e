package org.alliance.checkin;

import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackWork;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

/**
 * {@code /alliance start} (or just {@code /alliance}) opens the start modal; with arguments it
 * is the quick path. Either way the slow part runs after the ack and answers via response_url.
 */
@Component
class StartCommand implements Subcommand {

    private final StartCheckIn starting;
    private final StartForm form;
    private final SlackApi api;
    private final SlackWork work;
    private final Replies replies;

    StartCommand(StartCheckIn starting, StartForm form, SlackApi api, SlackWork work, Replies replies) {
        this.starting = starting;
        this.form = form;
        this.api = api;
        this.work = work;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "start";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String usage() {
        return "`/alliance start` - start a check-in (opens a form). Quick: `/alliance start <purpose> @person… "
                + "[#channel] [due:3d] [visibility:leader|thread|anonymous] [every:1w|2w|1mo|\"<cron>\" at:10:00] "
                + "[playbook:on [mid:YYYY-MM-DD end:YYYY-MM-DD]]`";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        if (input.arguments().isBlank()) {
            if (work.busy()) {
                return ctx.ack(Ephemeral.of(StartCheckIn.BUSY)); // said before the form is filled in, not after
            }
            // The trigger expires 3 seconds after the command, so the modal opens before the ack.
            var view = form.view(input.teamId(), null, input.channelId());
            var response = api.call(input.teamId(), "views.open",
                    c -> c.viewsOpen(r -> r.triggerId(input.triggerId()).view(view)));
            return response.isOk() ? ctx.ack()
                    : ctx.ack(Ephemeral.of(":warning: I couldn't open the form (" + response.getError()
                            + "). Please try again, or use the quick form: `/alliance start <purpose> @person…`"));
        }
        QuickStartParser.Result result = QuickStartParser.parse(input.arguments());
        if (result instanceof QuickStartParser.Invalid invalid) {
            return ctx.ack(Ephemeral.of(invalid.message()));
        }
        QuickStartParser.Parsed parsed = (QuickStartParser.Parsed) result;
        StartRequest request = QuickStartParser.toRequest(parsed, input.teamId(), input.userId(), input.channelId(),
                null);
        StartCheckIn.Repeat repeat = parsed.repeat();
        Optional<String> refused = StartCheckIn.refusedAtOnce(repeat);
        if (refused.isPresent()) {
            return ctx.ack(Ephemeral.of(refused.get()));
        }
        if (work.busy()) {
            return ctx.ack(Ephemeral.of(StartCheckIn.BUSY));
        }
        work.launch(input.teamId(), input.userId(), "starting a check-in for " + input.userId(),
                StartCheckIn.DATABASE_DOWN, () ->
                replies.viaResponseUrl(input.responseUrl(), starting.start(request, repeat).text()));
        return ctx.ack(Ephemeral.of(StartCheckIn.underWay(repeat)));
    }
}
