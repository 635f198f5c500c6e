package org.alliance.checkin;

import java.util.List;

import org.alliance.questions.Question;
import org.alliance.questions.QuestionKind;

import static org.alliance.slack.SlackText.escape;

/**
 * Pieces of mrkdwn that several check-in messages share. Every check-in message is a pure
 * function of its arguments, and every piece of user text in it (title, objective, questions,
 * answers, reasons, names) is escaped, so nothing a person types can ever become a mention or a
 * link.
 */
final class MessageParts {

    /** Slack's block quote, also the continuation of a quote split over several sections. */
    static final String QUOTE = "> ";

    private MessageParts() {
    }

    static void objective(Out b, CheckIn c) {
        if (c.objective() != null && !c.objective().isBlank()) {
            b.section(quote(c.objective()), QUOTE);
        }
    }

    static void questionAndAnswer(Out b, Question q, String answer) {
        questionAndAnswer(b, "*" + escape(q.text()) + "*", q, answer);
    }

    /** @param label the question as the reader should see it, mrkdwn already escaped */
    static void questionAndAnswer(Out b, String label, Question q, String answer) {
        String shown = q.kind() == QuestionKind.SCALE
                ? QUOTE + escape(q.shown(answer))
                : quote(answer);
        b.section(label + "\n" + shown, QUOTE);
    }

    /** A question marked anonymous in a check-in whose other answers carry names. */
    static boolean keptFromNames(CheckIn c, Question q) {
        return q.isAnonymous() && c.visibility() != Visibility.ANONYMOUS;
    }

    /**
     * Told beside such a question wherever the person answers it, before they do. Plain text, so a
     * modal's hint can hold it as well as a message.
     */
    static String anonymousNote(CheckIn c) {
        return "\uD83D\uDD12 Anonymous: shown without your name, only in a summary once " + c.anonymousThreshold()
                + " people have answered it.";
    }

    /** User text as a Slack block quote, escaped, line by line. */
    static String quote(String raw) {
        String escaped = escape(raw.strip()).replace("\r\n", "\n").replace('\r', '\n');
        return QUOTE + escaped.replace("\n", "\n" + QUOTE);
    }

    static String mention(String userId) {
        return "<@" + userId + ">";
    }

    static String channel(String channelId) {
        return "<#" + channelId + ">";
    }

    /** Mentions joined with commas, ending in "and N more" when they would not fit {@code max} characters. */
    static String mentions(List<String> userIds, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < userIds.size(); i++) {
            String next = (i == 0 ? "" : ", ") + mention(userIds.get(i));
            if (s.length() + next.length() > max - 20) {
                return s + " and " + (userIds.size() - i) + " more";
            }
            s.append(next);
        }
        return s.toString();
    }

    static String people(int n) {
        return n == 1 ? "1 person" : n + " people";
    }

    /** A display name for plain text: escaped, with a neutral word when unknown. */
    static String plain(String name) {
        return name == null || name.isBlank() ? "Someone" : escape(name);
    }
}
