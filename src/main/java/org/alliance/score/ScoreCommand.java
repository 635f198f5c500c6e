package org.alliance.score;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackWork;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

/** {@code /alliance score}: acks at once, then tells the leader their own figures through the response_url. */
@Component
class ScoreCommand implements Subcommand {

    static final String ONLY_YOURS = "Your follow-through score is yours alone: type just `/alliance score` to see "
            + "your own. Nobody can see anyone else's.";

    private final FollowThrough followThrough;
    private final Replies replies;
    private final SlackWork work;

    ScoreCommand(FollowThrough followThrough, Replies replies, SlackWork work) {
        this.followThrough = followThrough;
        this.replies = replies;
        this.work = work;
    }

    @Override
    public String name() {
        return "score";
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public String usage() {
        return "`/alliance score` - your own follow-through over the last 90 days; only you see it";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        if (!input.arguments().isBlank()) {
            // Typing someone's name must not look like a way to see their score.
            return ctx.ack(Ephemeral.of(ONLY_YOURS));
        }
        work.run("the follow-through score of " + input.userId(), () -> reply(input));
        return ctx.ack();
    }

    private void reply(CommandInput input) {
        try {
            replies.viaResponseUrl(input.responseUrl(),
                    followThrough.ofViewer(input.teamId(), input.userId()).text());
        } catch (RuntimeException e) {
            replies.viaResponseUrl(input.responseUrl(),
                    "Sorry, I couldn't work out your follow-through just now. Please try again in a minute.");
            throw e;
        }
    }
}
