package org.alliance.export;

import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.persistence.DatabaseOutage;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.FileUploads;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackCallFailed;
import org.alliance.slack.SlackText;
import org.alliance.slack.SlackWork;
import org.alliance.slack.Subcommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code /alliance export <id> | @person | me}: acks at once, builds and uploads the CSV after the ack. */
@Component
class ExportCommand implements Subcommand {

    static final String PREPARING = ":hourglass_flowing_sand: Preparing your export…";
    static final String DATABASE_DOWN = ":warning: I couldn't prepare your export: I can't reach my database right now. "
            + "Please try again in a minute.";
    private static final Logger log = LoggerFactory.getLogger(ExportCommand.class);

    private final Exports exports;
    private final FileUploads uploads;
    private final Replies replies;
    private final SlackWork work;

    ExportCommand(Exports exports, FileUploads uploads, Replies replies, SlackWork work) {
        this.exports = exports;
        this.uploads = uploads;
        this.replies = replies;
        this.work = work;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public String usage() {
        return "`/alliance export <id>` / `export @person` / `export me` - a CSV file of a check-in you lead, "
                + "of your check-ins with someone, or of your own answers, sent to your DM";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        if (input.arguments().isBlank()) {
            return ctx.ack(Ephemeral.of("What should I export? Type `/alliance export <id>` for a check-in you lead, "
                    + "`/alliance export @person` for your check-ins with them, or `/alliance export me` for your "
                    + "own answers."));
        }
        Optional<ExportTarget> target = ExportTarget.parse(input.arguments(), input.userId());
        if (target.isEmpty()) {
            return ctx.ack(Ephemeral.of("I couldn't tell who `" + SlackText.echo(input.arguments())
                    + "` is. Pick the person from Slack's list as you type `@`, for example `/alliance export @Alice`."));
        }
        work.run("export of " + input.arguments() + " for " + input.userId(), () -> deliver(input, target.get()));
        return ctx.ack(Ephemeral.of(PREPARING));
    }

    private void deliver(CommandInput input, ExportTarget target) {
        String reply;
        try {
            Exports.Outcome outcome = exports.prepare(input.teamId(), input.userId(), target);
            if (outcome instanceof Exports.Refused refused) {
                reply = refused.message();
            } else {
                Exports.Ready file = (Exports.Ready) outcome;
                FileUploads.Shared shared = uploads.toDirectMessage(input.teamId(), input.userId(), file.filename(),
                        file.title(), file.csv(), file.comment());
                String name = "`" + file.filename() + "`";
                reply = ":page_facing_up: Done: " + (shared.permalink() == null ? name
                        : "<" + shared.permalink() + "|" + file.filename() + ">") + " (" + file.rows()
                        + (file.rows() == 1 ? " row" : " rows") + ") is in your DM with me.";
            }
        } catch (SlackCallFailed e) {
            log.warn("Export for {} could not be sent: {}", input.userId(), e.getMessage());
            reply = "Sorry, I couldn't send your export: Slack said `" + SlackText.escape(e.error())
                    + "`. Please try again in a minute.";
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                log.warn("Export for {}: database unreachable ({})", input.userId(), DatabaseOutage.summary(e));
                replies.viaResponseUrl(input.responseUrl(), DATABASE_DOWN);
                return;
            }
            log.error("Export for {} failed", input.userId(), e);
            reply = "Sorry, something went wrong while preparing your export. Please try again in a minute.";
        }
        replies.viaResponseUrl(input.responseUrl(), reply);
    }
}
