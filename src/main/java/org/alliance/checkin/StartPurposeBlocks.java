package org.alliance.checkin;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import org.alliance.questions.Question;
import org.alliance.questions.QuestionSet;
import org.alliance.questions.QuestionSets;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

/**
 * The top of the {@link StartModal}: the purpose select, the chosen set's questions, the objective prefilled
 * from it and the leader's own questions. It is the part that changes when the purpose does.
 */
final class StartPurposeBlocks {

    static final String CUSTOM_HINT = "One question per line, up to 10. Used when the purpose is Your own questions.";
    static final String CUSTOM_TITLE = "Your own questions";

    private static final int MAX_OPTION_TEXT = 75;
    private static final int MAX_OPTION_VALUE = 150;
    private static final int MAX_MRKDWN = 3000;

    private StartPurposeBlocks() {
    }

    /**
     * @param selectedPurpose a set key or {@link QuestionSets#CUSTOM}; null or unknown selects the first set
     *                        (custom when there are no sets)
     */
    static List<LayoutBlock> blocks(List<QuestionSet> sets, String selectedPurpose) {
        String purpose = effectivePurpose(sets, selectedPurpose);
        QuestionSet selected = sets.stream().filter(s -> s.key().equals(purpose)).findFirst().orElse(null);
        List<LayoutBlock> blocks = new ArrayList<>();

        List<OptionObject> purposeOptions = purposeOptions(sets, selected);
        OptionObject initialPurpose = purposeOptions.stream()
                .filter(o -> o.getValue().equals(purpose)).findFirst().orElse(null);
        blocks.add(input(i -> i.blockId(StartModal.PURPOSE_BLOCK)
                .label(plainText("Purpose"))
                .dispatchAction(true)
                .element(staticSelect(s -> s.actionId(StartModal.PURPOSE_ACTION)
                        .placeholder(plainText("Choose a purpose"))
                        .options(purposeOptions)
                        .initialOption(initialPurpose)))));

        blocks.add(context(c -> c.blockId("questions_preview")
                .elements(asContextElements(markdownText(SlackText.truncate(preview(selected), MAX_MRKDWN))))));

        String objective = selected == null ? null
                : SlackText.truncate(selected.objective().strip(), StartModal.MAX_OBJECTIVE_LENGTH);
        blocks.add(input(i -> i.blockId(StartModal.objectiveBlockId(purpose))
                .label(plainText("Objective"))
                .hint(plainText("Shown to everyone you ask, so they know why. Keep it or write your own."))
                .optional(true)
                .element(plainTextInput(p -> p.actionId(StartModal.OBJECTIVE_ACTION)
                        .maxLength(StartModal.MAX_OBJECTIVE_LENGTH)
                        .initialValue(objective == null || objective.isEmpty() ? null : objective)))));

        blocks.add(input(i -> i.blockId(StartModal.CUSTOM_BLOCK)
                .label(plainText(CUSTOM_TITLE))
                .hint(plainText(CUSTOM_HINT))
                .optional(true)
                .element(plainTextInput(p -> p.actionId(StartModal.QUESTIONS_ACTION).multiline(true)))));
        blocks.addAll(StartPlaybookBlocks.blocks(purpose));
        return blocks;
    }

    private static String effectivePurpose(List<QuestionSet> sets, String selectedPurpose) {
        if (QuestionSets.CUSTOM.equals(selectedPurpose)) {
            return QuestionSets.CUSTOM;
        }
        if (selectedPurpose != null && sets.stream().anyMatch(s -> s.key().equals(selectedPurpose))) {
            return selectedPurpose;
        }
        return sets.isEmpty() ? QuestionSets.CUSTOM : sets.get(0).key();
    }

    /** At most 99 sets (the selected one always among them) and Your own questions: Slack allows 100 options. */
    private static List<OptionObject> purposeOptions(List<QuestionSet> sets, QuestionSet selected) {
        List<QuestionSet> shown = new ArrayList<>(sets.subList(0, Math.min(sets.size(), StartModal.MAX_OPTIONS - 1)));
        if (selected != null && !shown.contains(selected)) {
            shown.set(shown.size() - 1, selected);
        }
        List<OptionObject> options = new ArrayList<>();
        for (QuestionSet set : shown) {
            if (set.key().length() <= MAX_OPTION_VALUE) {
                options.add(option(plainText(SlackText.truncate(set.title(), MAX_OPTION_TEXT)), set.key()));
            }
        }
        options.add(option(plainText(CUSTOM_TITLE), QuestionSets.CUSTOM));
        return options;
    }

    private static String preview(QuestionSet selected) {
        if (selected == null) {
            return "Write your questions under *" + CUSTOM_TITLE + "*, one per line.";
        }
        StringBuilder text = new StringBuilder("*Questions they will be asked:*");
        List<Question> questions = selected.questions();
        for (int i = 0; i < questions.size(); i++) {
            text.append('\n').append(i + 1).append(". ").append(SlackText.escape(questions.get(i).text()))
                    .append(questions.get(i).isAnonymous() ? " \uD83D\uDD12 _anonymous: answers only without names_" : "");
        }
        return text.toString();
    }
}
