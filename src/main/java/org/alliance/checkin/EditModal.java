package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.DatetimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** The leader's form to change a running check-in: add people, take off people still waiting, move the due time. */
final class EditModal {

    static final String CALLBACK_ID = "checkin_edit_submit";
    static final String ADD_BLOCK = "edit_add";
    static final String REMOVE_BLOCK = "edit_remove";
    static final String DUE_BLOCK = "edit_due";
    static final String ACTION = "value";
    /** Slack's limit on the options of one menu. */
    private static final int MAX_OPTIONS = 100;

    /** A person still waiting, with the name to show in the menu (menus can't render mentions). */
    record Waiting(String userId, String name) {
    }

    private EditModal() {
    }

    static View view(CheckIn c, List<Waiting> waiting) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + SlackText.escape(c.title()) + "* `" + c.id() + "`, due "
                + SlackDates.format(c.dueAt()) + ". People you add get their invitation at once; people you take "
                + "off are told no answer is needed any more."))));
        blocks.add(input(i -> i.blockId(ADD_BLOCK).optional(true).label(plainText("Add people"))
                .element(multiUsersSelect(m -> m.actionId(ACTION).placeholder(plainText("Choose people"))))));
        if (waiting.isEmpty()) {
            blocks.add(context(x -> x.elements(List.of(markdownText(
                    "Nobody is still waiting, so there is nobody to take off: answers and skips stay.")))));
        } else {
            List<OptionObject> options = waiting.stream().limit(MAX_OPTIONS)
                    .map(w -> OptionObject.builder().text(plainText(SlackText.truncate(w.name(), 75)))
                            .value(w.userId()).build()).toList();
            blocks.add(input(i -> i.blockId(REMOVE_BLOCK).optional(true).label(plainText("Take off (still waiting)"))
                    .element(multiStaticSelect(m -> m.actionId(ACTION).options(options)
                            .placeholder(plainText("Choose people"))))));
        }
        blocks.add(input(i -> i.blockId(DUE_BLOCK).optional(true).label(plainText("Due"))
                .hint(plainText("Reminders and the closing move with it; everyone waiting is told."))
                .element(DatetimePickerElement.builder().actionId(ACTION)
                        .initialDateTime((int) c.dueAt().getEpochSecond()).build())));
        return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(c.id())
                .title(viewTitle(t -> t.type("plain_text").text("Change check-in")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(x -> x.type("plain_text").text("Cancel")))
                .blocks(blocks).build();
    }

    static CheckInEditor.Change read(Map<String, Map<String, ViewState.Value>> values) {
        ViewState.Value add = value(values, ADD_BLOCK);
        ViewState.Value remove = value(values, REMOVE_BLOCK);
        ViewState.Value due = value(values, DUE_BLOCK);
        List<String> added = add == null || add.getSelectedUsers() == null ? List.of() : add.getSelectedUsers();
        List<String> removed = remove == null || remove.getSelectedOptions() == null ? List.of()
                : remove.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
        Instant dueAt = due == null || due.getSelectedDateTime() == null ? null
                : Instant.ofEpochSecond(due.getSelectedDateTime());
        return new CheckInEditor.Change(added, removed, dueAt);
    }

    private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> b = values == null ? null : values.get(block);
        return b == null ? null : b.get(ACTION);
    }
}
