package org.alliance.questions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.slack.api.model.view.ViewState;

/**
 * Reads the submitted {@link SavedSetModal}: a question set, or per-block errors. Pure, so the form's rules
 * are tested without a workspace. Whether the key is free in the workspace is the service's to say.
 */
final class SavedSetFormReader {

    static final int MAX_QUESTIONS = 10;
    static final int MAX_QUESTION_LENGTH = 250;
    static final String SCALE_MARKER = "[scale]";
    static final String ANONYMOUS_MARKER = "[anonymous]";

    /** Leading list markers people paste with their questions: "1. ", "2) ", "- ", "• ", "* ". */
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:\\d{1,2}[.)]|[-•*–])\\s+");

    private SavedSetFormReader() {
    }

    sealed interface Parsed {
        record Ok(QuestionSet set) implements Parsed {
        }

        record Errors(Map<String, String> blockIdToMessage) implements Parsed {
            public Errors {
                blockIdToMessage = Collections.unmodifiableMap(new LinkedHashMap<>(blockIdToMessage));
            }
        }
    }

    /** @param editedKey the key of the set being edited (the form then has no key input); null for a new set */
    static Parsed parse(Map<String, Map<String, ViewState.Value>> values, String editedKey) {
        Map<String, String> errors = new LinkedHashMap<>();
        String key = editedKey != null ? editedKey
                : SetKeys.normalize(text(values, SavedSetModal.KEY_BLOCK, SavedSetModal.KEY_ACTION));
        if (editedKey == null) {
            SetKeys.problemWith(key).ifPresent(p -> errors.put(SavedSetModal.KEY_BLOCK, p));
        }
        String title = text(values, SavedSetModal.TITLE_BLOCK, SavedSetModal.TITLE_ACTION).strip();
        if (title.isEmpty()) {
            errors.put(SavedSetModal.TITLE_BLOCK, "Give the set a title, such as Quarterly review.");
        } else if (title.length() > SavedSetModal.MAX_TITLE_LENGTH) {
            errors.put(SavedSetModal.TITLE_BLOCK, tooLong("the title", SavedSetModal.MAX_TITLE_LENGTH, title));
        }
        String objective = text(values, SavedSetModal.OBJECTIVE_BLOCK, SavedSetModal.OBJECTIVE_ACTION).strip();
        if (objective.isEmpty()) {
            errors.put(SavedSetModal.OBJECTIVE_BLOCK, "Say why you ask: everyone asked sees it.");
        } else if (objective.length() > SavedSetModal.MAX_OBJECTIVE_LENGTH) {
            errors.put(SavedSetModal.OBJECTIVE_BLOCK,
                    tooLong("the purpose", SavedSetModal.MAX_OBJECTIVE_LENGTH, objective));
        }
        List<String> lines = lines(text(values, SavedSetModal.QUESTIONS_BLOCK, SavedSetModal.QUESTIONS_ACTION));
        String questionsProblem = problemWith(lines);
        if (questionsProblem != null) {
            errors.put(SavedSetModal.QUESTIONS_BLOCK, questionsProblem);
        }
        if (!errors.isEmpty()) {
            return new Parsed.Errors(errors);
        }
        return new Parsed.Ok(new QuestionSet(key, title, objective, questions(lines)));
    }

    /** The questions as the form shows them: one a line, scale ones marked. */
    static String questionLines(List<Question> questions) {
        StringBuilder text = new StringBuilder();
        for (Question q : questions) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(q.isAnonymous() ? ANONYMOUS_MARKER + " " : "")
                    .append(q.kind() == QuestionKind.SCALE ? SCALE_MARKER + " " : "").append(q.text());
        }
        return text.toString();
    }

    /** Non-blank lines, stripped and without list markers; the scale and anonymous markers are kept. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String q = LIST_MARKER.matcher(line.strip()).replaceFirst("").strip();
            if (!q.isEmpty()) {
                lines.add(q);
            }
        }
        return lines;
    }

    /** Numbered q1, q2…: ids only need to be stable within one copy, and each check-in keeps its own. */
    static List<Question> questions(List<String> lines) {
        List<Question> questions = new ArrayList<>();
        for (String line : lines) {
            Marked marked = Marked.of(line);
            questions.add(new Question("q" + (questions.size() + 1), marked.text(),
                    marked.scale() ? QuestionKind.SCALE : QuestionKind.TEXT, marked.anonymous()));
        }
        return questions;
    }

    private static String problemWith(List<String> lines) {
        if (lines.isEmpty()) {
            return "Write at least one question, one per line.";
        }
        if (lines.size() > MAX_QUESTIONS) {
            return "Ask at most " + MAX_QUESTIONS + " questions (there are " + lines.size() + ").";
        }
        for (int i = 0; i < lines.size(); i++) {
            String q = Marked.of(lines.get(i)).text();
            if (q.isEmpty()) {
                return "Question " + (i + 1) + " is only " + markersOf(lines.get(i)) + ": write the question after it.";
            }
            if (q.length() > MAX_QUESTION_LENGTH) {
                return "Keep question " + (i + 1) + " to " + MAX_QUESTION_LENGTH + " characters (it has "
                        + q.length() + ").";
            }
        }
        return null;
    }

    /** A line read as its markers, in either order, and the question after them. */
    private record Marked(boolean scale, boolean anonymous, String text) {

        static Marked of(String line) {
            boolean scale = false;
            boolean anonymous = false;
            String rest = line.strip();
            while (true) {
                String lower = rest.toLowerCase(Locale.ROOT);
                if (lower.startsWith(SCALE_MARKER)) {
                    scale = true;
                    rest = rest.substring(SCALE_MARKER.length()).strip();
                } else if (lower.startsWith(ANONYMOUS_MARKER)) {
                    anonymous = true;
                    rest = rest.substring(ANONYMOUS_MARKER.length()).strip();
                } else {
                    return new Marked(scale, anonymous, rest);
                }
            }
        }
    }

    private static String markersOf(String line) {
        Marked m = Marked.of(line);
        return m.scale() && m.anonymous() ? ANONYMOUS_MARKER + " " + SCALE_MARKER
                : m.scale() ? SCALE_MARKER : ANONYMOUS_MARKER;
    }

    private static String tooLong(String what, int max, String text) {
        return "Keep " + what + " to " + max + " characters (it has " + text.length() + ").";
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String blockId, String actionId) {
        if (values == null || values.get(blockId) == null) {
            return "";
        }
        ViewState.Value v = values.get(blockId).get(actionId);
        return v == null || v.getValue() == null ? "" : v.getValue();
    }
}
