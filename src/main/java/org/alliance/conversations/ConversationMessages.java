package org.alliance.conversations;

import java.util.Map;

import org.alliance.checkin.AnswerLoop.Answer;
import org.alliance.checkin.CheckIn;
import org.alliance.slack.SlackText;

import static org.alliance.slack.SlackText.escape;

/**
 * What a conversation says on each side. Every piece of user text is cut to Slack's limits and
 * escaped, and every message that invites writing says who will read it.
 */
final class ConversationMessages {

    /** What one relayed message may hold: the answer form's limit, well inside Slack's message limits. */
    static final int MAX_TEXT = 3000;
    private static final int MAX_QUOTED_ANSWER = 500;
    private static final int MAX_QUOTE = 3000;

    private ConversationMessages() {
    }

    /** The leader's words, in the author's check-in DM thread. */
    static String toPerson(String leaderId, CheckIn checkIn, String text) {
        return mention(leaderId) + " replied to your answer to *" + escape(checkIn.title()) + "*:\n" + quote(text)
                + "\n_Only you and " + mention(leaderId) + " see this thread; reply here to answer them._";
    }

    /** The leader's own words from the Reply form, echoed where the conversation lives on their side. */
    static String leaderEcho(String text) {
        return "You: " + cut(text);
    }

    /** The author's words, in the leader's thread. */
    static String fromPerson(String personId, String text) {
        return mention(personId) + ": " + cut(text);
    }

    static String sent(String toId) {
        return "Sent to " + mention(toId) + "; only they see it.";
    }

    static String notLeader() {
        return "Only the leader of this check-in can reply to this answer, and only once it has been answered.";
    }

    static String anonymous() {
        return "Answers to an anonymous check-in are never tied to a name, so they can't be replied to one by one.";
    }

    static String undeliverable(String personId, String checkInId) {
        return "I can't deliver a reply to " + mention(personId) + ": they have no check-in DM from me for `"
                + checkInId + "` (they were away when it started, for example), so nothing was sent.";
    }

    static String notDelivered(String personId) {
        return "Slack didn't take my message to " + mention(personId) + ", so this didn't reach them. "
                + "Please try again in a moment.";
    }

    static String gone() {
        return "This answer is no longer there to reply to, so nothing was sent.";
    }

    /**
     * The leader's side of a conversation about an answer that lives in a channel thread: a DM to
     * the leader, quoting the answer, whose thread is the conversation.
     */
    static String leaderRoot(Answer a) {
        CheckIn c = a.checkIn();
        String personId = a.response().userId();
        StringBuilder s = new StringBuilder("Your conversation with ").append(mention(personId))
                .append(" about their answer to *").append(escape(c.title())).append("* (`").append(c.id())
                .append("`):");
        StringBuilder quoted = new StringBuilder();
        for (Map.Entry<String, String> e : a.response().orderedAnswers(c).entrySet()) {
            c.question(e.getKey()).ifPresent(q -> quoted.append("\n*").append(escape(q.text())).append("*\n")
                    .append(quote(SlackText.truncate(q.shown(e.getValue()), MAX_QUOTED_ANSWER))));
        }
        s.append(SlackText.truncate(quoted.toString(), MAX_QUOTE));
        return s.append("\n_Only you and ").append(mention(personId)).append(" see this conversation: what you write ")
                .append("in this thread reaches them in their check-in DM, and what they write back arrives here._")
                .toString();
    }

    private static String cut(String text) {
        return escape(SlackText.truncate(text.strip(), MAX_TEXT));
    }

    private static String quote(String text) {
        return "> " + cut(text).replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\n> ");
    }

    private static String mention(String userId) {
        return "<@" + userId + ">";
    }
}
