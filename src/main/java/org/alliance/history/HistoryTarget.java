package org.alliance.history;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whose history {@code /alliance history [@person]} asks for, read from the words typed. */
sealed interface HistoryTarget {

    Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]+");

    /** The asker's own answers, across every leader. */
    record Own() implements HistoryTarget {
    }

    /** What passed between the asker, as leader, and this person. */
    record Person(String userId) implements HistoryTarget {
    }

    record Invalid(String message) implements HistoryTarget {
    }

    String USAGE = "`/alliance history @person` shows what passed between you and someone you checked in with; "
            + "`/alliance history` alone shows your own answers.";

    /** Naming yourself means your own answers: you are never your own leader's history. */
    static HistoryTarget parse(String arguments, String askerId) {
        String args = arguments == null ? "" : arguments.strip();
        if (args.isEmpty()) {
            return new Own();
        }
        String[] words = args.split("\\s+");
        Matcher m = MENTION.matcher(words[0]);
        if (!m.matches()) {
            return new Invalid(args.startsWith("<!subteam") || args.startsWith("<#")
                    ? "History is about one person, not a group or channel. " + USAGE
                    : "I need a person, picked from Slack's list as you type `@`. " + USAGE);
        }
        if (words.length > 1) {
            return new Invalid("One person at a time, please. " + USAGE);
        }
        return m.group(1).equals(askerId) ? new Own() : new Person(m.group(1));
    }

    /** A button's value: a user id, or anything else when the button was tampered with or broken. */
    static HistoryTarget ofButton(String value, String askerId) {
        if (value == null || value.isBlank()) {
            return new Own();
        }
        if (!USER_ID.matcher(value).matches()) {
            return new Invalid("Sorry, I couldn't read that button. " + USAGE);
        }
        return value.equals(askerId) ? new Own() : new Person(value);
    }
}
