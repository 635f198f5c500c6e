package org.alliance.commitments;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;
import org.alliance.slack.SlackText;
import org.alliance.checkin.FollowUpButton;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static org.alliance.slack.SlackText.escape;

/**
 * The follow-up form: what the leader will do for one member, and by when. Private metadata is
 * {@code checkInId:memberId}; the submission is checked again against the check-in, never trusted.
 */
final class CommitmentModal {

    static final String CALLBACK_ID = "commitment_submit";
    static final String TEXT_BLOCK = "commitment_text";
    static final String TEXT_ACTION = "text";
    static final String DUE_BLOCK = "commitment_due";
    static final String DUE_ACTION = "due";
    /** The default "by when": a week gives room to act and is still soon enough to matter. */
    static final int DEFAULT_DAYS = 7;
    private static final int MAX_CONTEXT = 2900;
    private static final int MAX_LABEL = 2000;

    private CommitmentModal() {
    }

    static View view(FollowUp.Allowed f) {
        String who = f.memberName() == null || f.memberName().isBlank() ? "them" : f.memberName().strip();
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!f.context().isEmpty()) {
            StringBuilder said = new StringBuilder("<@").append(f.memberId()).append("> said:");
            for (FollowUp.Said s : f.context()) {
                said.append("\n*").append(escape(s.question())).append("*\n").append(quote(s.answer()));
            }
            String text = SlackText.truncate(said.toString(), MAX_CONTEXT);
            blocks.add(section(s -> s.blockId("context").text(markdownText(text))));
        }
        // plain_text is never read as mrkdwn, so a name here cannot mention or link anyone.
        blocks.add(input(i -> i.blockId(TEXT_BLOCK)
                .label(plainText(SlackText.truncate("What will you do for " + who + "?", MAX_LABEL)))
                .element(plainTextInput(p -> p.actionId(TEXT_ACTION).multiline(true)
                        .maxLength(Commitment.MAX_TEXT)))));
        String initialDate = f.leaderToday().plusDays(DEFAULT_DAYS).toString();
        blocks.add(input(i -> i.blockId(DUE_BLOCK)
                .label(plainText("By when?"))
                .element(datePicker(d -> d.actionId(DUE_ACTION).initialDate(initialDate)))));
        blocks.add(context(c -> c.blockId("privacy").elements(asContextElements(markdownText(
                "Only you and <@" + f.memberId() + "> will see this. I'll tell them now, remind you before it's due (if its time hasn't passed), "
                        + "and ask them whether it helped once you mark it done.")))));
        return Views.view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(new FollowUpButton(f.checkInId(), f.memberId()).value())
                .title(viewTitle(t -> t.type("plain_text").text("Follow up")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Commit")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    static String text(Map<String, Map<String, ViewState.Value>> values) {
        ViewState.Value v = value(values, TEXT_BLOCK, TEXT_ACTION);
        return v == null ? null : v.getValue();
    }

    /** The picked day; null when none was picked or Slack sent something that is not a date. */
    static LocalDate dueDate(Map<String, Map<String, ViewState.Value>> values) {
        ViewState.Value v = value(values, DUE_BLOCK, DUE_ACTION);
        if (v == null || v.getSelectedDate() == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.getSelectedDate());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Problems keyed by the block Slack should show them under. */
    static Map<String, String> errors(Map<Commitment.Field, String> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, message) -> errors.put(field == Commitment.Field.TEXT ? TEXT_BLOCK : DUE_BLOCK, message));
        return errors;
    }

    private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block, String action) {
        Map<String, ViewState.Value> b = values == null ? null : values.get(block);
        return b == null ? null : b.get(action);
    }

    private static String quote(String raw) {
        return "> " + escape(SlackText.truncate(raw.strip(), 1000)).replace("\r\n", "\n").replace("\n", "\n> ");
    }

}
