package org.alliance.questions;

import java.util.Map;

import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.alliance.slack.Replies;
import org.alliance.slack.SlackText;
import org.alliance.slack.SlackWork;
import org.springframework.stereotype.Component;

/**
 * The submitted question set form: saved at once (one insert or replace by id, well within the ack), so a
 * taken key can be shown on the form; the confirmation follows after the ack.
 */
@Component
class SavedSetSubmission {

    private final SavedQuestionSets saved;
    private final Replies replies;
    private final SlackWork work;

    SavedSetSubmission(SavedQuestionSets saved, Replies replies, SlackWork work) {
        this.saved = saved;
        this.replies = replies;
        this.work = work;
    }

    Response submit(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var payload = req.getPayload();
        String teamId = payload.getTeam().getId();
        String userId = payload.getUser().getId();
        String[] metadata = String.valueOf(payload.getView().getPrivateMetadata()).split("\\|", 2);
        String channelId = metadata[0].isBlank() ? null : metadata[0];
        String editedKey = metadata.length > 1 && !metadata[1].isBlank() ? metadata[1] : null;

        SavedSetFormReader.Parsed parsed = SavedSetFormReader.parse(payload.getView().getState().getValues(),
                editedKey);
        if (parsed instanceof SavedSetFormReader.Parsed.Errors errors) {
            return ctx.ackWithErrors(errors.blockIdToMessage());
        }
        QuestionSet set = ((SavedSetFormReader.Parsed.Ok) parsed).set();
        SavedQuestionSets.Outcome outcome = editedKey == null ? saved.create(teamId, userId, set)
                : saved.update(teamId, userId, set);
        if (outcome instanceof SavedQuestionSets.Outcome.KeyTaken taken) {
            return ctx.ackWithErrors(Map.of(SavedSetModal.KEY_BLOCK, taken.message()));
        }
        if (outcome instanceof SavedQuestionSets.Outcome.Refused refused) {
            // Plain text on the form: the refusal's mrkdwn would show as typed.
            return ctx.ackWithErrors(Map.of(SavedSetModal.TITLE_BLOCK,
                    "This set can't be saved: it was deleted, or it isn't yours to change."));
        }
        String confirmation = confirmation(set, editedKey != null);
        work.run("confirming question set " + set.key(), () -> replies.ephemeral(teamId, channelId, userId,
                confirmation));
        return ctx.ack();
    }

    static String confirmation(QuestionSet set, boolean edited) {
        int n = set.questions().size();
        return ":white_check_mark: " + (edited ? "Updated" : "Saved") + " *" + SlackText.escape(set.title()) + "* (`"
                + set.key() + "`) with " + n + (n == 1 ? " question" : " questions") + anonymous(set)
                + ". Anyone in this workspace "
                + "can use it: `/alliance start " + set.key() + " @person`, or choose it in the start form."
                + (edited ? " Check-ins already started keep their questions; the next rounds of recurring "
                        + "check-ins use the new ones." : "");
    }

    private static String anonymous(QuestionSet set) {
        long n = set.questions().stream().filter(Question::isAnonymous).count();
        return n == 0 ? "" : " (" + (n == 1 ? "1 is" : n + " are") + " anonymous: their answers are shared only "
                + "without names, once enough people have answered)";
    }
}
