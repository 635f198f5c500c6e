package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import org.alliance.questions.Question;
import org.alliance.questions.QuestionKind;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import com.slack.api.model.view.Views;
import org.alliance.slack.SlackDates;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The modal a participant answers a check-in in: one optional input per question, text or a
 * 1–5 scale, prefilled with their answers when they edit. Pure: it builds views and reads
 * submitted state, and never calls Slack.
 */
final class AnswerModal {

    public static final String CALLBACK_ID = "checkin_answer_submit";

    /** Every question input uses this action id; the block id tells the questions apart. */
    public static final String ACTION_ID = "answer";

    static final String BLOCK_PREFIX = "q:";
    static final String NOTHING_ANSWERED = "Please answer at least one question, or use Not now to skip.";

    private static final int MAX_LABEL = 2000;
    private static final String ANONYMOUS_MARK = "\uD83D\uDD12 ";
    private static final int MAX_SECTION_TEXT = 3000;
    private static final int MAX_BLOCKS = 100;
    private static final List<String> SCALE_LABELS = List.of(
            "1 (lowest)", "2", "3", "4", "5 (highest)");

    private AnswerModal() {
    }

    /** The block id of a question's input, which is also where its error goes. */
    public static String blockId(Question question) {
        return blockId(question.id());
    }

    /** The block id of the input for the question with this id. */
    public static String blockId(String questionId) {
        return BLOCK_PREFIX + questionId;
    }

    /**
     * @param existing   the participant's response, whose answers prefill the inputs; may be null
     * @param leaderName how to name the leader in "who will see"; when blank, the leader is mentioned
     */
    public static View view(CheckIn checkIn, Response existing, String leaderName) {
        boolean editing = existing != null && existing.status() == ResponseStatus.ANSWERED;
        Map<String, String> answers = existing == null ? Map.of() : existing.answers();

        List<LayoutBlock> blocks = new ArrayList<>();
        String objective = checkIn.objective();
        if (objective != null && !objective.isBlank()) {
            blocks.add(section(s -> s.blockId("objective")
                    .text(markdownText(SlackText.truncate(SlackText.escape(objective.strip()), MAX_SECTION_TEXT)))));
        }
        blocks.add(context(c -> c.blockId("audience")
                .elements(asContextElements(markdownText(SlackText.truncate(audience(checkIn, leaderName), MAX_SECTION_TEXT))))));
        for (Question q : checkIn.questions()) {
            if (blocks.size() >= MAX_BLOCKS) {
                break;
            }
            String answer = answers.get(q.id());
            boolean anonymous = MessageParts.keptFromNames(checkIn, q);
            blocks.add(input(i -> i.blockId(blockId(q))
                    .label(plainText(SlackText.truncate((anonymous ? ANONYMOUS_MARK : "") + q.text(), MAX_LABEL)))
                    .hint(anonymous ? plainText(MessageParts.anonymousNote(checkIn)) : null)
                    .optional(true)
                    .element(element(q, answer))));
        }

        return Views.view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(checkIn.id())
                .title(viewTitle(t -> t.type("plain_text").text("Check-in")))
                .submit(viewSubmit(s -> s.type("plain_text").text(editing ? "Save changes" : "Send")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** Who will see the answers, and by when they are wanted, in mrkdwn with every user-given piece escaped. */
    static String audience(CheckIn checkIn, String leaderName) {
        String leader = leaderName == null || leaderName.isBlank()
                ? "<@" + checkIn.leaderId() + ">"
                : SlackText.escape(leaderName.strip());
        String who = switch (checkIn.visibility() == null ? Visibility.LEADER : checkIn.visibility()) {
            case LEADER -> "only " + leader + ".";
            case THREAD -> "everyone in the check-in thread, under your name.";
            case ANONYMOUS -> "nobody by name: an anonymous summary is shared once " + checkIn.anonymousThreshold()
                    + " or more people have answered.";
        };
        StringBuilder text = new StringBuilder("*Who will see your answers:* ").append(who);
        Instant due = checkIn.dueAt();
        if (due != null) {
            text.append("\nPlease answer by ").append(SlackDates.format(due)).append('.');
        }
        if (!checkIn.anonymousQuestions().isEmpty()) {
            text.append("\nExcept for questions marked ").append(ANONYMOUS_MARK.strip()).append(": they are anonymous. ")
                    .append("Your answers to them are never shown with your name; they are shared only in a summary ")
                    .append("without names once the check-in ends, if at least ").append(checkIn.anonymousThreshold())
                    .append(" people have answered them.");
        }
        text.append(" Every question is optional.");
        return text.toString();
    }

    private static BlockElement element(Question q, String answer) {
        if (q.kind() == QuestionKind.SCALE) {
            List<OptionObject> options = new ArrayList<>();
            for (int n = 1; n <= SCALE_LABELS.size(); n++) {
                options.add(scaleOption(n));
            }
            OptionObject initial = scaleOption(answer);
            return staticSelect(s -> s.actionId(ACTION_ID)
                    .placeholder(plainText("Choose 1 to 5"))
                    .options(options)
                    .initialOption(initial));
        }
        String initial = answer == null || answer.isEmpty() ? null : SlackText.truncate(answer, Question.MAX_ANSWER_LENGTH);
        return plainTextInput(p -> p.actionId(ACTION_ID)
                .multiline(true)
                .maxLength(Question.MAX_ANSWER_LENGTH)
                .initialValue(initial));
    }

    private static OptionObject scaleOption(int n) {
        return option(plainText(SCALE_LABELS.get(n - 1)), Integer.toString(n));
    }

    /** The option matching a stored scale answer; null when there is none or it is not 1 to 5. */
    private static OptionObject scaleOption(String answer) {
        if (answer == null) {
            return null;
        }
        String a = answer.strip();
        if (a.length() != 1 || a.charAt(0) < '1' || a.charAt(0) > '5') {
            return null;
        }
        return scaleOption(a.charAt(0) - '0');
    }

    /**
     * The submitted answers, question id to text (a scale's chosen digit), in question order;
     * blank ones are left out. Text is kept as typed.
     */
    public static Map<String, String> answers(CheckIn checkIn, Map<String, Map<String, ViewState.Value>> stateValues) {
        Map<String, String> answers = new LinkedHashMap<>();
        if (stateValues == null) {
            return answers;
        }
        for (Question q : checkIn.questions()) {
            Map<String, ViewState.Value> block = stateValues.get(blockId(q));
            ViewState.Value value = block == null ? null : block.get(ACTION_ID);
            if (value == null) {
                continue;
            }
            String answer = value.getSelectedOption() != null ? value.getSelectedOption().getValue() : value.getValue();
            if (answer != null && !answer.isBlank()) {
                answers.put(q.id(), answer);
            }
        }
        return answers;
    }

    /**
     * What is wrong with the answers, block id to message for Slack's {@code response_action: errors};
     * empty when they can be taken.
     */
    public static Map<String, String> errors(CheckIn checkIn, Map<String, String> answers) {
        Map<String, String> errors = new LinkedHashMap<>();
        boolean anything = false;
        for (Question q : checkIn.questions()) {
            String answer = answers == null ? null : answers.get(q.id());
            if (answer != null && !answer.isBlank()) {
                anything = true;
                q.problemWith(answer).ifPresent(problem -> errors.put(blockId(q), problem));
            }
        }
        if (!anything && !checkIn.questions().isEmpty()) {
            errors.put(blockId(checkIn.questions().get(0)), NOTHING_ANSWERED);
        }
        return errors;
    }
}
