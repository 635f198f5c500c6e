package org.alliance.conversations;

import org.alliance.slack.SlackText;

import static org.alliance.slack.SlackText.escape;

/**
 * What an anonymous conversation says, to each side. Nothing said to the leader carries anything
 * about the author but their words; every piece of user text is cut and escaped.
 */
final class AnonymousMessages {

    /** The longest message passed on; Slack's own message box allows far more than a reply needs. */
    static final int MAX_TEXT = 3000;
    private static final int QUOTED_ANSWER = 1000;
    private static final int QUESTION = 300;

    static final String FORGED = "That button doesn't lead to an answer you can reply to. Only the leader of an "
            + "anonymous check-in can reply privately to its answers, from the summary I sent them.";
    static final String GONE = "This answer can't be replied to any more.";
    static final String EMPTY = "Please write your reply.";
    static final String MODAL_PRIVACY = "*Who sees this:* only the person who wrote this answer, with your name. "
            + "The author won't learn anything from me but your words, and you won't learn who wrote it: not now, "
            + "and not when they reply. Your reply reaches them a few minutes later, at a random time, so its "
            + "timing gives nothing away. Their replies come to a thread in our DM, without their name.";

    private AnonymousMessages() {
    }

    static String question(String question) {
        return "*" + escape(SlackText.truncate(question, QUESTION)) + "*";
    }

    static String quote(String text, int max) {
        String escaped = escape(SlackText.truncate(text.strip(), max)).replace("\r\n", "\n").replace('\r', '\n');
        return "> " + escaped.replace("\n", "\n> ");
    }

    static String cut(String text) {
        return SlackText.truncate(text.strip(), MAX_TEXT);
    }

    static String leaderRoot(String question, String answerOrNull) {
        return ":lock: *Private conversation about an anonymous answer* to " + question(question)
                + (answerOrNull == null ? "" : ":\n" + quote(answerOrNull, QUOTED_ANSWER)) + "\n"
                + "_Only you and the answer's author see this thread. I never tell you who they are. Write in this "
                + "thread to reply: each message reaches them a few minutes later, under your name, and their "
                + "replies appear here as *Author*._";
    }

    static String you(String text) {
        return "*You:*\n" + quote(text, MAX_TEXT);
    }

    static String author(String text) {
        return "*Author:*\n" + quote(text, MAX_TEXT);
    }

    static String leaderQueued() {
        return "Got it: this reaches the author in a few minutes, under your name. You still won't learn who they are.";
    }

    static String notText() {
        return "Only text can be passed on. Write your message in this thread and I'll send it to the author.";
    }

    static String toAuthor(String leaderId, String question, String text, boolean first) {
        String intro = first
                ? "<@" + leaderId + "> replied privately to your anonymous answer to " + question(question) + ":\n"
                : "<@" + leaderId + "> wrote again about your anonymous answer to " + question(question) + ":\n";
        return intro + quote(text, MAX_TEXT) + "\n"
                + (first ? "They don't know who you are. Reply in this thread: your reply reaches them without "
                        + "your name, a few minutes later."
                        : "_They still don't know who you are. Reply in this thread: it reaches them without your "
                        + "name, a few minutes later._");
    }

    static String repliesGoHere(String question) {
        return "_You have more than one of these conversations here: what you write in this thread now goes to the "
                + "one about " + question(question) + "._";
    }

        static String authorQueued(String leaderId, String question) {
        return "Got it. Your reply reaches <@" + leaderId + "> in a few minutes, without your name, in your "
                + "private conversation about " + question(question) + ".";
    }

    static String notDeliveredToAuthor() {
        return ":warning: I couldn't pass your last message on to the author. Please try again later in this thread.";
    }

    static String notDeliveredToLeader(String leaderId) {
        return ":warning: I couldn't pass your last reply on to <@" + leaderId + ">. Please try again later in this "
                + "thread.";
    }
}
