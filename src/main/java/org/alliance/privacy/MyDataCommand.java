package org.alliance.privacy;

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

/** {@code /alliance my-data}: acks at once, gathers the person's data and sends it to their DM after the ack. */
@Component
class MyDataCommand implements Subcommand {

    static final String PREPARING = ":hourglass_flowing_sand: Gathering everything I store about you…";
    private static final Logger log = LoggerFactory.getLogger(MyDataCommand.class);

    private final PersonalFile files;
    private final FileUploads uploads;
    private final Replies replies;
    private final SlackWork work;

    MyDataCommand(PersonalFile files, FileUploads uploads, Replies replies, SlackWork work) {
        this.files = files;
        this.uploads = uploads;
        this.replies = replies;
        this.work = work;
    }

    @Override
    public String name() {
        return "my-data";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String usage() {
        return "`/alliance my-data` - a file of everything Alliance stores about you, sent to your DM";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        work.run("my-data for a person", () -> deliver(input));
        return ctx.ack(Ephemeral.of(PREPARING));
    }

    private void deliver(CommandInput input) {
        String reply;
        try {
            PersonalFile.File file = files.of(input.teamId(), input.userId());
            FileUploads.Shared shared = uploads.toDirectMessage(input.teamId(), input.userId(), file.filename(),
                    "Your data in Alliance", file.json(), "Here is everything I store about you in this workspace.");
            reply = ":page_facing_up: Done: " + (shared.permalink() == null ? "`" + file.filename() + "`"
                    : "<" + shared.permalink() + "|" + file.filename() + ">") + " is in your DM with me.";
        } catch (SlackCallFailed e) {
            log.warn("my-data could not be sent: {}", e.getMessage());
            reply = "Sorry, I couldn't send your file: Slack said `" + SlackText.escape(e.error())
                    + "`. Please try again in a minute.";
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                log.warn("my-data: database unreachable ({})", DatabaseOutage.summary(e));
                reply = ":warning: I can't reach my database right now. Please try again in a minute.";
            } else {
                log.error("my-data failed", e);
                reply = "Sorry, something went wrong while gathering your data. Please try again in a minute.";
            }
        }
        replies.viaResponseUrl(input.responseUrl(), reply);
    }
}
