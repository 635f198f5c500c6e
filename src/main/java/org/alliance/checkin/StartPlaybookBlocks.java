package org.alliance.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.ViewState;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;

/**
 * The start form's "Run as a playbook" choice, shown only for a purpose that has a playbook (for a project
 * kick-off with the days of its mid-point and wrap-up), and reading it back from the submitted form.
 */
final class StartPlaybookBlocks {

    static final String PLAYBOOK_BLOCK = "playbook";
    static final String MID_BLOCK = "playbook_mid";
    static final String END_BLOCK = "playbook_end";
    static final String PLAYBOOK_ACTION = "playbook";
    static final String DATE_ACTION = "date";
    static final String ON = "on";

    static final String CHANGE_STEPS = "A kick-off now, a pulse after 2 weeks and a look back after 6 weeks: each a "
            + "check-in of its own, with the same people, channel and who sees the answers.";
    static final String PROJECT_STEPS = "A kick-off now, a mid-point and a wrap-up on the days you pick below: each a "
            + "check-in of its own, with the same people, channel and who sees the answers.";

    private StartPlaybookBlocks() {
    }

    static List<LayoutBlock> blocks(String purpose) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (!Playbooks.offered(purpose)) {
            return blocks;
        }
        boolean project = Playbooks.PROJECT.equals(purpose);
        OptionObject on = OptionObject.builder().text(plainText("Run as a playbook")).value(ON)
                .description(plainText(project ? PROJECT_STEPS : CHANGE_STEPS)).build();
        blocks.add(input(i -> i.blockId(PLAYBOOK_BLOCK)
                .label(plainText("Playbook"))
                .optional(true)
                .element(checkboxes(c -> c.actionId(PLAYBOOK_ACTION).options(List.of(on))))));
        if (project) {
            blocks.add(dateInput(MID_BLOCK, "Mid-point check-in on", "Only with Run as a playbook."));
            blocks.add(dateInput(END_BLOCK, "Wrap-up check-in on", "Only with Run as a playbook. After the mid-point."));
        }
        return blocks;
    }

    private static LayoutBlock dateInput(String blockId, String label, String hint) {
        return input(i -> i.blockId(blockId).label(plainText(label)).hint(plainText(hint)).optional(true)
                .element(datePicker(d -> d.actionId(DATE_ACTION))));
    }

    /** The playbook chosen in the submitted form, or null; what is wrong goes into {@code errors} by block. */
    static Playbooks.Ask read(String purpose, Map<String, Map<String, ViewState.Value>> state, boolean repeats,
                              LocalDate today, Map<String, String> errors) {
        ViewState.Value box = value(state, PLAYBOOK_BLOCK, PLAYBOOK_ACTION);
        boolean chosen = Playbooks.offered(purpose) && box != null && box.getSelectedOptions() != null
                && box.getSelectedOptions().stream().anyMatch(o -> ON.equals(o.getValue()));
        if (!chosen) {
            return null;
        }
        if (repeats) {
            errors.put(StartModal.REPEAT_BLOCK, "A playbook has its own timing, so it can't also repeat. Choose "
                    + "Doesn't repeat, or untick Run as a playbook.");
        }
        Map<String, String> dateErrors = new LinkedHashMap<>();
        LocalDate mid = date(state, MID_BLOCK, dateErrors);
        LocalDate end = date(state, END_BLOCK, dateErrors);
        Playbooks.Ask ask = new Playbooks.Ask(purpose, mid, end);
        ask.problems(today).forEach((field, problem) -> {
            switch (field) {
                case MID_POINT -> dateErrors.putIfAbsent(MID_BLOCK, problem);
                case WRAP_UP -> dateErrors.putIfAbsent(END_BLOCK, problem);
                default -> dateErrors.putIfAbsent(PLAYBOOK_BLOCK, problem);
            }
        });
        errors.putAll(dateErrors);
        return ask;
    }

    private static LocalDate date(Map<String, Map<String, ViewState.Value>> state, String blockId,
                                  Map<String, String> errors) {
        ViewState.Value v = value(state, blockId, DATE_ACTION);
        if (v == null || v.getSelectedDate() == null || v.getSelectedDate().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.getSelectedDate());
        } catch (DateTimeParseException e) {
            errors.put(blockId, "Please pick a day.");
            return null;
        }
    }

    private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> state, String blockId,
                                         String actionId) {
        Map<String, ViewState.Value> block = state == null ? null : state.get(blockId);
        return block == null ? null : block.get(actionId);
    }
}
