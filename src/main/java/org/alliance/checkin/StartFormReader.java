package org.alliance.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.slack.api.model.view.ViewState;
import org.alliance.questions.QuestionSets;

/**
 * Reads the submitted {@link StartModal}: a {@link StartRequest}, or per-block errors for what can be
 * checked without Slack. Pure, so the form's rules are tested without a workspace.
 */
final class StartFormReader {

    static final int MAX_CUSTOM_QUESTIONS = 10;
    static final int MAX_CUSTOM_QUESTION_LENGTH = 300;

    static final String NOBODY_CHOSEN = "Choose at least one person, or a user group or channel whose members to ask.";

    static final String OWN_QUESTIONS_WITH_ANOTHER_PURPOSE = "These questions are asked only when the purpose is "
            + "“" + StartPurposeBlocks.CUSTOM_TITLE + "”. Choose that purpose to ask them, or clear this field "
            + "to ask the chosen purpose's questions.";

    /** Leading list markers people paste with their questions: "1. ", "2) ", "- ", "• ", "* ". */
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:\\d{1,2}[.)]|[-•*–])\\s+");

    private StartFormReader() {
    }

    /** What the submitted start modal amounts to. */
    sealed interface Parsed {
        /**
         * {@code every} and {@code at} are set when the check-in repeats; {@code playbook} when it runs as a
         * playbook.
         */
        record Ok(StartRequest request, String every, LocalTime at, Playbooks.Ask playbook) implements Parsed {
            public Ok(StartRequest request) {
                this(request, null, null, null);
            }

            public Ok(StartRequest request, String every, LocalTime at) {
                this(request, every, at, null);
            }
        }

        record Errors(Map<String, String> blockIdToMessage) implements Parsed {
            public Errors {
                blockIdToMessage = Collections.unmodifiableMap(new LinkedHashMap<>(blockIdToMessage));
            }
        }
    }

    /** The purpose chosen in the modal's state (a set key or {@code custom}); null when none is. */
    static String selectedPurpose(Map<String, Map<String, ViewState.Value>> stateValues) {
        ViewState.Value v = value(stateValues, StartModal.PURPOSE_BLOCK, StartModal.PURPOSE_ACTION);
        return v == null || v.getSelectedOption() == null ? null : blankToNull(v.getSelectedOption().getValue());
    }

    /**
     * The submitted start modal as a request, or what is wrong with it, block by block.
     *
     * @param privateMetadataChannel where the command was typed; the thread channel when none was picked
     * @param now                    a due time must be after it
     */
    static Parsed parse(String teamId, String leaderId, String privateMetadataChannel,
                        Map<String, Map<String, ViewState.Value>> stateValues, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();

        String purpose = selectedPurpose(stateValues);
        if (purpose == null) {
            errors.put(StartModal.PURPOSE_BLOCK, "Choose a purpose.");
        }

        String objective = objective(stateValues, purpose);
        if (objective != null && objective.length() > StartModal.MAX_OBJECTIVE_LENGTH) {
            errors.put(StartModal.objectiveBlockId(purpose), "Please keep the objective under "
                    + StartModal.MAX_OBJECTIVE_LENGTH + " characters (it has " + objective.length() + ").");
        }

        List<String> customQuestions = List.of();
        if (QuestionSets.CUSTOM.equals(purpose)) {
            customQuestions = customQuestions(text(stateValues, StartModal.CUSTOM_BLOCK, StartModal.QUESTIONS_ACTION));
            customQuestionsProblem(customQuestions).ifPresent(p -> errors.put(StartModal.CUSTOM_BLOCK, p));
        } else if (purpose != null && !customQuestions(text(stateValues, StartModal.CUSTOM_BLOCK,
                StartModal.QUESTIONS_ACTION)).isEmpty()) {
            // Never drop what the leader typed: they choose between their questions and the purpose's.
            errors.put(StartModal.CUSTOM_BLOCK, OWN_QUESTIONS_WITH_ANOTHER_PURPOSE);
        }

        List<String> userIds = ids(stateValues, StartModal.PEOPLE_BLOCK, StartModal.USERS_ACTION, true);
        List<String> memberChannelIds = ids(stateValues, StartModal.MEMBERS_BLOCK, StartModal.CHANNELS_ACTION, false);
        List<String> userGroupIds = userGroupIds(stateValues);
        if (userIds.isEmpty() && memberChannelIds.isEmpty() && userGroupIds.isEmpty()) {
            errors.put(StartModal.PEOPLE_BLOCK, NOBODY_CHOSEN);
        }

        ViewState.Value channelValue = value(stateValues, StartModal.CHANNEL_BLOCK, StartModal.CHANNEL_ACTION);
        String channelId = channelValue == null ? null : blankToNull(channelValue.getSelectedConversation());
        if (channelId == null) {
            channelId = blankToNull(privateMetadataChannel);
        }
        if (channelId == null) {
            errors.put(StartModal.CHANNEL_BLOCK, "Choose the channel to post the check-in thread in.");
        }

        Visibility visibility = Optional.ofNullable(
                        value(stateValues, StartModal.VISIBILITY_BLOCK, StartModal.VISIBILITY_ACTION))
                .map(ViewState.Value::getSelectedOption)
                .flatMap(o -> Visibility.parse(o.getValue()))
                .orElse(Visibility.LEADER);

        ViewState.Value dueValue = value(stateValues, StartModal.DUE_BLOCK, StartModal.DUE_ACTION);
        Instant dueAt = dueValue == null || dueValue.getSelectedDateTime() == null
                ? null
                : Instant.ofEpochSecond(dueValue.getSelectedDateTime());
        if (dueAt != null && !dueAt.isAfter(now)) {
            errors.put(StartModal.DUE_BLOCK, "Please pick a due time in the future.");
        }

        String every = every(stateValues);
        LocalTime at = null;
        if (every != null) {
            ViewState.Value atValue = value(stateValues, StartModal.AT_BLOCK, StartModal.AT_ACTION);
            String time = atValue == null || atValue.getSelectedTime() == null
                    ? StartModal.DEFAULT_AT : atValue.getSelectedTime();
            try {
                at = LocalTime.parse(time);
            } catch (DateTimeParseException e) {
                errors.put(StartModal.AT_BLOCK, "Please pick a time of day.");
            }
        }

        // Whether its days are still ahead is judged by today in UTC here, and again on the leader's calendar
        // when it starts.
        Playbooks.Ask playbook = StartPlaybookBlocks.read(purpose, stateValues, every != null,
                LocalDate.ofInstant(now, ZoneOffset.UTC), errors);

        if (!errors.isEmpty()) {
            return new Parsed.Errors(errors);
        }
        if (every != null) {
            // A repeating check-in keeps the same time to answer in every round.
            Duration open = dueAt == null ? null : Duration.between(now, dueAt);
            return new Parsed.Ok(new StartRequest(teamId, leaderId, purpose, objective, customQuestions, userIds,
                    userGroupIds, memberChannelIds, channelId, null, visibility, open, null), every, at);
        }
        return new Parsed.Ok(new StartRequest(teamId, leaderId, purpose, objective, customQuestions, userIds,
                userGroupIds, memberChannelIds, channelId, null, visibility, null, dueAt), null, null, playbook);
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

    /** The typed objective, from the block of the chosen purpose (or any objective block); blank is null. */
    private static String objective(Map<String, Map<String, ViewState.Value>> stateValues, String purpose) {
        String typed = text(stateValues, StartModal.objectiveBlockId(purpose), StartModal.OBJECTIVE_ACTION);
        if (typed == null && stateValues != null) {
            typed = stateValues.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(StartModal.OBJECTIVE_BLOCK_PREFIX))
                    .map(e -> e.getValue().get(StartModal.OBJECTIVE_ACTION))
                    .filter(Objects::nonNull)
                    .map(ViewState.Value::getValue)
                    .filter(Objects::nonNull)
                    .findFirst().orElse(null);
        }
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    private static List<String> userGroupIds(Map<String, Map<String, ViewState.Value>> stateValues) {
        ViewState.Value v = value(stateValues, StartModal.GROUPS_BLOCK, StartModal.GROUPS_ACTION);
        return v == null || v.getSelectedOptions() == null ? List.of()
                : v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue)
                        .filter(id -> id != null && !id.isBlank()).distinct().toList();
    }

    /** The chosen repeat ({@code 1w}, {@code 2w}, {@code 1mo}); null when the check-in doesn't repeat. */
    private static String every(Map<String, Map<String, ViewState.Value>> stateValues) {
        ViewState.Value v = value(stateValues, StartModal.REPEAT_BLOCK, StartModal.REPEAT_ACTION);
        return v == null || v.getSelectedOption() == null
                || StartModal.NO_REPEAT.equals(v.getSelectedOption().getValue())
                ? null : v.getSelectedOption().getValue();
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

    private static List<String> ids(Map<String, Map<String, ViewState.Value>> stateValues, String blockId,
                                    String actionId, boolean users) {
        ViewState.Value v = value(stateValues, blockId, actionId);
        List<String> ids = v == null ? null : users ? v.getSelectedUsers() : v.getSelectedConversations();
        return ids == null ? List.of() : ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
