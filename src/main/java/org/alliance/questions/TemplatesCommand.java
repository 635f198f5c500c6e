package org.alliance.questions;

import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import org.alliance.slack.CommandInput;
import org.alliance.slack.Ephemeral;
import org.alliance.slack.SlackApi;
import org.alliance.slack.SlackText;
import org.alliance.slack.Subcommand;
import org.springframework.stereotype.Component;

/**
 * {@code /alliance templates}: lists the purposes and saved sets; {@code new} and {@code edit <key>} open the
 * set form (before the ack, while the trigger is valid: the look-up is one read by id), {@code delete <key>}
 * deletes, and {@code <key>} shows one set.
 */
@Component
class TemplatesCommand implements Subcommand {

    private final QuestionSets questionSets;
    private final SavedQuestionSets saved;
    private final SlackApi api;

    TemplatesCommand(QuestionSets questionSets, SavedQuestionSets saved, SlackApi api) {
        this.questionSets = questionSets;
        this.saved = saved;
        this.api = api;
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
        return "`/alliance templates` - the purposes and saved question sets, with their questions. "
                + "`/alliance templates new` saves a set for your workspace; "
                + "`/alliance templates edit <key>` / `delete <key>` change or remove one you saved";
    }

    @Override
    public Response handle(CommandInput input, SlashCommandContext ctx) {
        String[] words = input.arguments().strip().split("\\s+", 2);
        String word = SetKeys.normalize(words[0]);
        String key = words.length > 1 ? words[1].strip() : "";
        Optional<String> reply = switch (word) {
            case "" -> Optional.of(TemplatesListing.all(questionSets.stored(input.teamId())));
            case "new" -> open(input, SavedSetModal.create(input.channelId()));
            case "edit" -> edit(input, key);
            case "delete" -> Optional.of(delete(input, key));
            default -> Optional.of(show(input.teamId(), words[0]));
        };
        return reply.isPresent() ? ctx.ack(Ephemeral.of(reply.get())) : ctx.ack();
    }

    /** Opens the form filled in; otherwise says why not. */
    private Optional<String> edit(CommandInput input, String key) {
        if (key.isEmpty()) {
            return Optional.of(whichSet("edit"));
        }
        SavedQuestionSets.Outcome outcome = saved.forEditing(input.teamId(), input.userId(), key);
        if (outcome instanceof SavedQuestionSets.Outcome.Saved found) {
            return open(input, SavedSetModal.edit(input.channelId(), found.set()));
        }
        return Optional.of(SavedQuestionSets.message(outcome));
    }

    private String delete(CommandInput input, String key) {
        if (key.isEmpty()) {
            return whichSet("delete");
        }
        SavedQuestionSets.Outcome outcome = saved.delete(input.teamId(), input.userId(), key);
        if (outcome instanceof SavedQuestionSets.Outcome.Saved deleted) {
            QuestionSet set = deleted.set();
            return ":wastebasket: Deleted *" + SlackText.escape(set.title()) + "* (`" + set.key() + "`). "
                    + "Check-ins already started keep their questions. Recurring check-ins using `" + set.key()
                    + "` can't start their next rounds; their leaders are told when a round can't start. "
                    + "Its questions were:\n" + TemplatesListing.questions(set.questions());
        }
        return SavedQuestionSets.message(outcome);
    }

    private String show(String teamId, String typed) {
        return questionSets.stored(teamId, typed).map(TemplatesListing::describe)
                .orElseGet(() -> "There is no purpose or saved question set `" + SavedQuestionSets.code(typed)
                        + "`. `/alliance templates` lists them all; `/alliance templates new` saves a new one.");
    }

    /** Empty when the form opened; otherwise what to tell the person. */
    private Optional<String> open(CommandInput input, View view) {
        var response = api.call(input.teamId(), "views.open",
                c -> c.viewsOpen(r -> r.triggerId(input.triggerId()).view(view)));
        return response.isOk() ? Optional.empty()
                : Optional.of(":warning: I couldn't open the form (" + response.getError() + "). Please try again.");
    }

    private static String whichSet(String verb) {
        return "Which question set? For example `/alliance templates " + verb + " quarterly`. "
                + "`/alliance templates` lists them.";
    }
}
