package org.alliance.checkin;

import org.alliance.questions.Question;
import org.alliance.questions.QuestionKind;

import static org.alliance.slack.SlackText.escape;

/** One question asked in the thread under the participant's DM, for those who answer by replying. */
final class ThreadQuestionMessage {

    private ThreadQuestionMessage() {
    }

    static Out.Message render(CheckIn c, int index) {
        int n = c.questions().size();
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("check-in " + c.id() + " has no question " + index);
        }
        Question q = c.questions().get(index);
        String label = "Question " + (index + 1) + " of " + n;
        Out b = new Out();
        b.section("*" + label + ":* " + escape(q.text()));
        b.context((q.kind() == QuestionKind.SCALE
                ? "Reply with a number from 1 to 5, or `skip` to leave this one out."
                : "Reply in this thread, or `skip` to leave this one out.")
                + (MessageParts.keptFromNames(c, q) ? " " + MessageParts.anonymousNote(c) : ""));
        return b.message(label + ": " + escape(q.text()));
    }
}
