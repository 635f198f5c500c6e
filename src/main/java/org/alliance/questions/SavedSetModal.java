package org.alliance.questions;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The form a question set is saved and edited in. The questions are one text, a line each, so a set is
 * written (or pasted) in one go; {@code [scale]} at the start of a line makes it a 1-5 question, and
 * {@code [anonymous]} one whose answers never show with a name. A marker per line, rather than checkboxes,
 * because the questions of a new set don't exist until the form is submitted.
 * Private metadata is {@code <channel>|<key being edited>}; a new set has no key there.
 */
final class SavedSetModal {

    static final String CALLBACK_ID = "question_set_save";

    static final String KEY_BLOCK = "set_key";
    static final String TITLE_BLOCK = "set_title";
    static final String OBJECTIVE_BLOCK = "set_objective";
    static final String QUESTIONS_BLOCK = "set_questions";
    static final String KEY_ACTION = "key";
    static final String TITLE_ACTION = "title";
    static final String OBJECTIVE_ACTION = "objective";
    static final String QUESTIONS_ACTION = "questions";

    static final int MAX_TITLE_LENGTH = 75;
    static final int MAX_OBJECTIVE_LENGTH = 500;
    static final int MAX_QUESTIONS_TEXT = 3000;

    private SavedSetModal() {
    }

    /** An empty form for a new set. */
    static View create(String channelId) {
        return view(channelId, null);
    }

    /** The form filled in with {@code set}, whose key stays as it is. */
    static View edit(String channelId, QuestionSet set) {
        return view(channelId, set);
    }

    static String metadata(String channelId, String editedKey) {
        return (channelId == null ? "" : channelId) + "|" + (editedKey == null ? "" : editedKey);
    }

    private static View view(String channelId, QuestionSet set) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (set == null) {
            blocks.add(input(i -> i.blockId(KEY_BLOCK)
                    .label(plainText("Key"))
                    .hint(plainText("What people type to use it: /alliance start quarterly @ana. Lower-case letters, "
                            + "digits and dashes, up to " + SetKeys.MAX_LENGTH + " characters."))
                    .element(plainTextInput(p -> p.actionId(KEY_ACTION).maxLength(SetKeys.MAX_LENGTH)
                            .placeholder(plainText("quarterly"))))));
        } else {
            blocks.add(context(c -> c.blockId(KEY_BLOCK).elements(asContextElements(markdownText("Key: `"
                    + set.key() + "`. It can't be changed, because recurring check-ins refer to it.")))));
        }
        blocks.add(input(i -> i.blockId(TITLE_BLOCK)
                .label(plainText("Title"))
                .hint(plainText("Shown in the purpose menu of /alliance start."))
                .element(plainTextInput(p -> p.actionId(TITLE_ACTION).maxLength(MAX_TITLE_LENGTH)
                        .placeholder(plainText("Quarterly review"))
                        .initialValue(set == null ? null : set.title())))));
        blocks.add(input(i -> i.blockId(OBJECTIVE_BLOCK)
                .label(plainText("Purpose"))
                .hint(plainText("Why you ask: shown to everyone asked. A leader can reword it when starting."))
                .element(plainTextInput(p -> p.actionId(OBJECTIVE_ACTION).multiline(true)
                        .maxLength(MAX_OBJECTIVE_LENGTH)
                        .initialValue(set == null ? null : set.objective())))));
        blocks.add(input(i -> i.blockId(QUESTIONS_BLOCK)
                .label(plainText("Questions"))
                .hint(plainText("One per line, up to " + SavedSetFormReader.MAX_QUESTIONS + ". Answers are free "
                        + "text; start a line with " + SavedSetFormReader.SCALE_MARKER + " for a 1-5 scale instead. "
                        + "Start it with " + SavedSetFormReader.ANONYMOUS_MARKER + " to keep that question's answers "
                        + "from ever showing with a name: they are shared only in a summary without names, once "
                        + "enough people have answered."))
                .element(plainTextInput(p -> p.actionId(QUESTIONS_ACTION).multiline(true)
                        .maxLength(MAX_QUESTIONS_TEXT)
                        .placeholder(plainText("What went well this quarter?\n[scale] How sustainable is your workload?\n"
                                + "[anonymous] What would you change about how I lead?"))
                        .initialValue(set == null ? null : SavedSetFormReader.questionLines(set.questions()))))));
        String editedKey = set == null ? null : set.key();
        return Views.view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(metadata(channelId, editedKey))
                .title(viewTitle(t -> t.type("plain_text").text(set == null ? "New question set" : "Edit question set")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }
}
