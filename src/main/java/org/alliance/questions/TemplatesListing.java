package org.alliance.questions;

import java.util.ArrayList;
import java.util.List;

import org.alliance.slack.SlackText;

/**
 * The text of {@code /alliance templates}: built-in purposes, then saved sets with who saved them. Saved
 * sets stop at a budget, so the reply stays readable and within Slack's limits; the rest are named.
 */
final class TemplatesListing {

    /** Room for the saved sets; the built-in purposes take about 2,500 characters before them. */
    static final int SAVED_BUDGET = 8000;
    private static final int MAX_NAMED = 40;

    private TemplatesListing() {
    }

    static String all(List<StoredSet> sets) {
        StringBuilder text = new StringBuilder("*Purposes and their questions*\n");
        List<StoredSet> saved = new ArrayList<>();
        for (StoredSet s : sets) {
            if (s.builtIn()) {
                text.append('\n').append(describe(s));
            } else {
                saved.add(s);
            }
        }
        text.append("\n*Saved question sets*\n");
        if (saved.isEmpty()) {
            text.append("None yet. Save one with `/alliance templates new`.\n");
        }
        int used = 0;
        for (int i = 0; i < saved.size(); i++) {
            String one = describe(saved.get(i));
            if (used + one.length() > SAVED_BUDGET) {
                text.append("\n…and ").append(saved.size() - i).append(" more: ").append(keys(saved.subList(i,
                        saved.size()))).append(". Type `/alliance templates <key>` to see one.\n");
                break;
            }
            text.append('\n').append(one);
            used += one.length();
        }
        text.append("\nOr ask your own questions: choose *Your own questions* in `/alliance start`.\n")
                .append("Example: `/alliance start trust @alex @sam due:3d visibility:leader`\n")
                .append("Save a set: `/alliance templates new`; change or remove yours: ")
                .append("`/alliance templates edit <key>`, `/alliance templates delete <key>`.");
        return text.toString();
    }

    /** One set: title, key, who saved it, its purpose and its questions. */
    static String describe(StoredSet stored) {
        QuestionSet set = stored.set();
        StringBuilder text = new StringBuilder("*").append(SlackText.escape(set.title())).append("*  `")
                .append(set.key()).append('`');
        if (!stored.builtIn()) {
            text.append("  saved by <@").append(stored.createdBy()).append('>');
        }
        text.append('\n').append(italic(set.objective())).append('\n');
        text.append(questions(set.questions()));
        return text.toString();
    }

    static String questions(List<Question> questions) {
        StringBuilder text = new StringBuilder();
        int n = 1;
        for (Question q : questions) {
            text.append(n++).append(". ").append(SlackText.escape(q.text()))
                    .append(q.kind() == QuestionKind.SCALE ? " _(1-5)_" : "")
                    .append(q.isAnonymous() ? " :lock: _anonymous: answers shown without names_" : "").append('\n');
        }
        return text.toString();
    }

    /** Italic line by line: an underscore pair can't span a line break in mrkdwn. */
    private static String italic(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            lines.add(line.isBlank() ? "" : "_" + SlackText.escape(line.strip()) + "_");
        }
        return String.join("\n", lines);
    }

    private static String keys(List<StoredSet> sets) {
        List<String> named = sets.stream().limit(MAX_NAMED).map(s -> "`" + s.set().key() + "`").toList();
        return String.join(", ", named) + (sets.size() > MAX_NAMED ? ", …" : "");
    }
}
