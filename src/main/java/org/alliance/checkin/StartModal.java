package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
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
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.datetimePicker;
import static com.slack.api.model.block.element.BlockElements.multiConversationsSelect;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import com.slack.api.model.view.Views;
import org.alliance.slack.People;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The modal a leader starts a check-in from. Pure: it builds the view (again, when the purpose
 * changes) and turns the submitted state into a {@link StartRequest} or per-block errors for
 * what can be checked without Slack. Private metadata carries the channel the command was typed in.
 */
final class StartModal {

    public static final String CALLBACK_ID = "checkin_start_submit";
    public static final String PURPOSE_ACTION = "start_purpose";

    public static final String PURPOSE_BLOCK = "purpose";
    public static final String OBJECTIVE_BLOCK_PREFIX = "objective:";
    public static final String CUSTOM_BLOCK = "custom";
    public static final String PEOPLE_BLOCK = "people";
    public static final String MEMBERS_BLOCK = "members";
    public static final String GROUPS_BLOCK = "groups";
    static final String GROUPS_ACTION = "groups";
    public static final String CHANNEL_BLOCK = "channel";
    public static final String VISIBILITY_BLOCK = "visibility";
    public static final String DUE_BLOCK = "due";
    public static final String REPEAT_BLOCK = "repeat";
    public static final String AT_BLOCK = "at";
    static final String REPEAT_ACTION = "repeat";
    static final String AT_ACTION = "at";
    static final String NO_REPEAT = "none";
    static final String DEFAULT_AT = "10:00";

    static final String OBJECTIVE_ACTION = "objective";
    static final String QUESTIONS_ACTION = "questions";
    static final String USERS_ACTION = "users";
    static final String CHANNELS_ACTION = "channels";
    static final String CHANNEL_ACTION = "channel";
    static final String VISIBILITY_ACTION = "visibility";
    static final String DUE_ACTION = "due";

    public static final int MAX_CUSTOM_QUESTIONS = 10;
    public static final int MAX_CUSTOM_QUESTION_LENGTH = 300;
    public static final int MAX_OBJECTIVE_LENGTH = 500;
    public static final int DEFAULT_ANONYMOUS_THRESHOLD = 3;

    static final String NOBODY_CHOSEN = "Choose at least one person, or a user group or channel whose members to ask.";
    static final String CUSTOM_HINT = "One question per line, up to 10. Used when the purpose is Your own questions.";
    static final String CUSTOM_TITLE = "Your own questions";

    private static final int MAX_OPTIONS = 100;
    private static final int MAX_OPTION_TEXT = 75;
    private static final int MAX_OPTION_VALUE = 150;
    private static final int MAX_BLOCK_ID = 255;
    private static final int MAX_MRKDWN = 3000;
    /** Leading list markers people paste with their questions: "1. ", "2) ", "- ", "• ", "* ". */
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:\\d{1,2}[.)]|[-•*–])\\s+");

    private StartModal() {
    }

    /** What the submitted start modal amounts to. */
    public sealed interface Parsed {
        /** {@code every} and {@code at} are set when the check-in repeats. */
        record Ok(StartRequest request, String every, java.time.LocalTime at) implements Parsed {
            public Ok(StartRequest request) {
                this(request, null, null);
            }
        }

        record Errors(Map<String, String> blockIdToMessage) implements Parsed {
            public Errors {
                blockIdToMessage = Collections.unmodifiableMap(new LinkedHashMap<>(blockIdToMessage));
            }
        }
    }

    /** {@link #view(List, String, String, Instant, Visibility, int)} with the default anonymous threshold of 3. */
    public static View view(List<QuestionSet> sets, String selectedPurpose, String channelId, Instant defaultDue,
                            Visibility defaultVisibility) {
        return view(sets, selectedPurpose, channelId, defaultDue, defaultVisibility, DEFAULT_ANONYMOUS_THRESHOLD);
    }

    /**
     * @param selectedPurpose a set key or {@link QuestionSets#CUSTOM}; null or unknown selects the first set
     *                        (custom when there are no sets)
     * @param channelId       where the command was typed: the default thread channel, and the private metadata
     * @param defaultDue      the due time the picker starts at
     * @param anonymousThreshold how many answers an anonymous check-in needs, as the option promises
     */
    public static View view(List<QuestionSet> sets, String selectedPurpose, String channelId, Instant defaultDue,
                            Visibility defaultVisibility, int anonymousThreshold) {
        return view(sets, selectedPurpose, channelId, defaultDue, defaultVisibility, anonymousThreshold, List.of());
    }

    /** @param groups the workspace's user groups to offer; with none, the form has no group choice */
    public static View view(List<QuestionSet> sets, String selectedPurpose, String channelId, Instant defaultDue,
                            Visibility defaultVisibility, int anonymousThreshold, List<People.UserGroup> groups) {
        String purpose = effectivePurpose(sets, selectedPurpose);
        QuestionSet selected = sets.stream().filter(s -> s.key().equals(purpose)).findFirst().orElse(null);

        List<LayoutBlock> blocks = new ArrayList<>();

        List<OptionObject> purposeOptions = purposeOptions(sets, selected);
        OptionObject initialPurpose = purposeOptions.stream()
                .filter(o -> o.getValue().equals(purpose)).findFirst().orElse(null);
        blocks.add(input(i -> i.blockId(PURPOSE_BLOCK)
                .label(plainText("Purpose"))
                .dispatchAction(true)
                .element(staticSelect(s -> s.actionId(PURPOSE_ACTION)
                        .placeholder(plainText("Choose a purpose"))
                        .options(purposeOptions)
                        .initialOption(initialPurpose)))));

        blocks.add(context(c -> c.blockId("questions_preview")
                .elements(asContextElements(markdownText(SlackText.truncate(preview(selected), MAX_MRKDWN))))));

        String objective = selected == null ? null : SlackText.truncate(selected.objective().strip(), MAX_OBJECTIVE_LENGTH);
        blocks.add(input(i -> i.blockId(objectiveBlockId(purpose))
                .label(plainText("Objective"))
                .hint(plainText("Shown to everyone you ask, so they know why. Keep it or write your own."))
                .optional(true)
                .element(plainTextInput(p -> p.actionId(OBJECTIVE_ACTION)
                        .maxLength(MAX_OBJECTIVE_LENGTH)
                        .initialValue(objective == null || objective.isEmpty() ? null : objective)))));

        blocks.add(input(i -> i.blockId(CUSTOM_BLOCK)
                .label(plainText(CUSTOM_TITLE))
                .hint(plainText(CUSTOM_HINT))
                .optional(true)
                .element(plainTextInput(p -> p.actionId(QUESTIONS_ACTION).multiline(true)))));

        blocks.add(input(i -> i.blockId(PEOPLE_BLOCK)
                .label(plainText("People to ask"))
                .optional(true)
                .element(multiUsersSelect(m -> m.actionId(USERS_ACTION).placeholder(plainText("Choose people"))))));

        if (!groups.isEmpty()) {
            List<OptionObject> groupOptions = groups.stream().limit(MAX_OPTIONS)
                    .map(g -> option(plainText(SlackText.truncate("@" + g.handle()
                            + (g.name() == null || g.name().isBlank() ? "" : " (" + g.name() + ")"), 75)), g.id()))
                    .toList();
            blocks.add(input(i -> i.blockId(GROUPS_BLOCK)
                    .label(plainText("…or everyone in these user groups"))
                    .optional(true)
                    .element(multiStaticSelect(m -> m.actionId(GROUPS_ACTION)
                            .placeholder(plainText("Choose user groups"))
                            .options(groupOptions)))));
        }

        blocks.add(input(i -> i.blockId(MEMBERS_BLOCK)
                .label(plainText("…or everyone in these channels"))
                .optional(true)
                .element(multiConversationsSelect(m -> m.actionId(CHANNELS_ACTION)
                        .placeholder(plainText("Choose channels"))
                        .filter(publicAndPrivate())))));

        blocks.add(input(i -> i.blockId(CHANNEL_BLOCK)
                .label(plainText("Post the check-in thread in"))
                .element(conversationsSelect(c -> c.actionId(CHANNEL_ACTION)
                        .placeholder(plainText("Choose a channel"))
                        .initialConversation(blankToNull(channelId))
                        .defaultToCurrentConversation(true)))));

        List<OptionObject> visibilityOptions = List.of(
                option(plainText("Only me"), Visibility.LEADER.word()),
                option(plainText("Everyone in the thread, under each person's name"), Visibility.THREAD.word()),
                option(plainText("Anonymous summary, once " + anonymousThreshold + " or more have answered"),
                        Visibility.ANONYMOUS.word()));
        Visibility initialVisibility = defaultVisibility == null ? Visibility.LEADER : defaultVisibility;
        blocks.add(input(i -> i.blockId(VISIBILITY_BLOCK)
                .label(plainText("Who sees the answers"))
                .element(radioButtons(r -> r.actionId(VISIBILITY_ACTION)
                        .options(visibilityOptions)
                        .initialOption(visibilityOptions.get(initialVisibility.ordinal()))))));

        Integer initialDue = defaultDue == null ? null : Math.toIntExact(defaultDue.getEpochSecond());
        blocks.add(input(i -> i.blockId(DUE_BLOCK)
                .label(plainText("Answers due by"))
                .element(datetimePicker(d -> d.actionId(DUE_ACTION).initialDateTime(initialDue)))));

        List<OptionObject> repeatOptions = List.of(
                option(plainText("Doesn't repeat"), NO_REPEAT),
                option(plainText("Every week"), "1w"),
                option(plainText("Every 2 weeks"), "2w"),
                option(plainText("Every month"), "1mo"));
        blocks.add(input(i -> i.blockId(REPEAT_BLOCK)
                .label(plainText("Repeat"))
                .hint(plainText("Each round gets its own thread. Pause, resume or stop it with /alliance."))
                .optional(true)
                .element(staticSelect(s -> s.actionId(REPEAT_ACTION).options(repeatOptions)
                        .initialOption(repeatOptions.get(0))))));
        blocks.add(input(i -> i.blockId(AT_BLOCK)
                .label(plainText("Send each round at"))
                .hint(plainText("In each person's own time zone."))
                .optional(true)
                .element(timePicker(t -> t.actionId(AT_ACTION).initialTime(DEFAULT_AT)))));

        return Views.view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(channelId)
                .title(viewTitle(t -> t.type("plain_text").text("Start a check-in")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Start")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    /** The block id of the objective input: it names the purpose, so Slack shows the new prefill on a change. */
    public static String objectiveBlockId(String purpose) {
        return SlackText.truncate(OBJECTIVE_BLOCK_PREFIX + (purpose == null ? "" : purpose), MAX_BLOCK_ID);
    }

    /** The purpose chosen in the modal's state (a set key or {@code custom}); null when none is. */
    public static String selectedPurpose(Map<String, Map<String, ViewState.Value>> stateValues) {
        ViewState.Value v = value(stateValues, PURPOSE_BLOCK, PURPOSE_ACTION);
        return v == null || v.getSelectedOption() == null ? null : blankToNull(v.getSelectedOption().getValue());
    }

    /**
     * The submitted start modal as a request, or what is wrong with it, block by block.
     *
     * @param privateMetadataChannel where the command was typed; the thread channel when none was picked
     * @param now                    a due time must be after it
     */
    public static Parsed parse(String teamId, String leaderId, String privateMetadataChannel,
                               Map<String, Map<String, ViewState.Value>> stateValues, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();

        String purpose = selectedPurpose(stateValues);
        if (purpose == null) {
            errors.put(PURPOSE_BLOCK, "Choose a purpose.");
        }

        String objective = objective(stateValues, purpose);
        if (objective != null && objective.length() > MAX_OBJECTIVE_LENGTH) {
            errors.put(objectiveBlockId(purpose), "Please keep the objective under " + MAX_OBJECTIVE_LENGTH
                    + " characters (it has " + objective.length() + ").");
        }

        List<String> customQuestions = List.of();
        if (QuestionSets.CUSTOM.equals(purpose)) {
            customQuestions = customQuestions(text(stateValues, CUSTOM_BLOCK, QUESTIONS_ACTION));
            customQuestionsProblem(customQuestions).ifPresent(p -> errors.put(CUSTOM_BLOCK, p));
        }

        List<String> userIds = list(stateValues, PEOPLE_BLOCK, USERS_ACTION, true);
        List<String> memberChannelIds = list(stateValues, MEMBERS_BLOCK, CHANNELS_ACTION, false);
        ViewState.Value groupsValue = value(stateValues, GROUPS_BLOCK, GROUPS_ACTION);
        List<String> userGroupIds = groupsValue == null || groupsValue.getSelectedOptions() == null ? List.of()
                : groupsValue.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue)
                        .filter(v -> v != null && !v.isBlank()).distinct().toList();
        if (userIds.isEmpty() && memberChannelIds.isEmpty() && userGroupIds.isEmpty()) {
            errors.put(PEOPLE_BLOCK, NOBODY_CHOSEN);
        }

        ViewState.Value channelValue = value(stateValues, CHANNEL_BLOCK, CHANNEL_ACTION);
        String channelId = channelValue == null ? null : blankToNull(channelValue.getSelectedConversation());
        if (channelId == null) {
            channelId = blankToNull(privateMetadataChannel);
        }
        if (channelId == null) {
            errors.put(CHANNEL_BLOCK, "Choose the channel to post the check-in thread in.");
        }

        ViewState.Value visibilityValue = value(stateValues, VISIBILITY_BLOCK, VISIBILITY_ACTION);
        Visibility visibility = Optional.ofNullable(visibilityValue)
                .map(ViewState.Value::getSelectedOption)
                .flatMap(o -> Visibility.parse(o.getValue()))
                .orElse(Visibility.LEADER);

        ViewState.Value dueValue = value(stateValues, DUE_BLOCK, DUE_ACTION);
        Instant dueAt = dueValue == null || dueValue.getSelectedDateTime() == null
                ? null
                : Instant.ofEpochSecond(dueValue.getSelectedDateTime());
        if (dueAt != null && !dueAt.isAfter(now)) {
            errors.put(DUE_BLOCK, "Please pick a due time in the future.");
        }

        ViewState.Value repeatValue = value(stateValues, REPEAT_BLOCK, REPEAT_ACTION);
        String every = repeatValue == null || repeatValue.getSelectedOption() == null
                || NO_REPEAT.equals(repeatValue.getSelectedOption().getValue())
                ? null : repeatValue.getSelectedOption().getValue();
        ViewState.Value atValue = value(stateValues, AT_BLOCK, AT_ACTION);
        java.time.LocalTime at = null;
        if (every != null) {
            String time = atValue == null || atValue.getSelectedTime() == null ? DEFAULT_AT : atValue.getSelectedTime();
            try {
                at = java.time.LocalTime.parse(time);
            } catch (java.time.format.DateTimeParseException e) {
                errors.put(AT_BLOCK, "Please pick a time of day.");
            }
        }

        if (!errors.isEmpty()) {
            return new Parsed.Errors(errors);
        }
        if (every != null) {
            // A repeating check-in keeps the same time to answer in every round.
            java.time.Duration open = dueAt == null ? null : java.time.Duration.between(now, dueAt);
            return new Parsed.Ok(new StartRequest(teamId, leaderId, purpose, objective, customQuestions, userIds,
                    userGroupIds, memberChannelIds, channelId, null, visibility, open, null), every, at);
        }
        return new Parsed.Ok(new StartRequest(teamId, leaderId, purpose, objective, customQuestions, userIds,
                userGroupIds, memberChannelIds, channelId, null, visibility, null, dueAt));
    }

    /** The leader's questions, one a line: stripped, without list markers, blank lines left out. */
    static List<String> customQuestions(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> questions = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String q = LIST_MARKER.matcher(line.strip()).replaceFirst("").strip();
            if (!q.isEmpty()) {
                questions.add(q);
            }
        }
        return questions;
    }

    private static Optional<String> customQuestionsProblem(List<String> questions) {
        if (questions.isEmpty()) {
            return Optional.of("Write at least one question, one per line, or choose another purpose.");
        }
        if (questions.size() > MAX_CUSTOM_QUESTIONS) {
            return Optional.of("Please ask at most " + MAX_CUSTOM_QUESTIONS + " questions (there are "
                    + questions.size() + ").");
        }
        for (int i = 0; i < questions.size(); i++) {
            int length = questions.get(i).length();
            if (length > MAX_CUSTOM_QUESTION_LENGTH) {
                return Optional.of("Please keep question " + (i + 1) + " under " + MAX_CUSTOM_QUESTION_LENGTH
                        + " characters (it has " + length + ").");
            }
        }
        return Optional.empty();
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
        List<QuestionSet> shown = new ArrayList<>(sets.subList(0, Math.min(sets.size(), MAX_OPTIONS - 1)));
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
            text.append('\n').append(i + 1).append(". ").append(SlackText.escape(questions.get(i).text()));
        }
        return text.toString();
    }

    private static ConversationsFilter publicAndPrivate() {
        return ConversationsFilter.builder().include(List.of("public", "private")).build();
    }

    /** The typed objective, from the block of the chosen purpose (or any objective block); blank is null. */
    private static String objective(Map<String, Map<String, ViewState.Value>> stateValues, String purpose) {
        String typed = text(stateValues, objectiveBlockId(purpose), OBJECTIVE_ACTION);
        if (typed == null && stateValues != null) {
            typed = stateValues.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(OBJECTIVE_BLOCK_PREFIX))
                    .map(e -> e.getValue().get(OBJECTIVE_ACTION))
                    .filter(Objects::nonNull)
                    .map(ViewState.Value::getValue)
                    .filter(Objects::nonNull)
                    .findFirst().orElse(null);
        }
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> stateValues, String blockId,
                                         String actionId) {
        if (stateValues == null) {
            return null;
        }
        Map<String, ViewState.Value> block = stateValues.get(blockId);
        return block == null ? null : block.get(actionId);
    }

    private static String text(Map<String, Map<String, ViewState.Value>> stateValues, String blockId,
                               String actionId) {
        ViewState.Value v = value(stateValues, blockId, actionId);
        return v == null ? null : v.getValue();
    }

    private static List<String> list(Map<String, Map<String, ViewState.Value>> stateValues, String blockId,
                                     String actionId, boolean users) {
        ViewState.Value v = value(stateValues, blockId, actionId);
        List<String> ids = v == null ? null : users ? v.getSelectedUsers() : v.getSelectedConversations();
        return ids == null ? List.of() : ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
