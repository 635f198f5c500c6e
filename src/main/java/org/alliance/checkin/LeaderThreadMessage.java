package org.alliance.checkin;

import static org.alliance.slack.SlackText.escape;

/** Announces, in the leader's DM, that the answers of a leader-only check-in will follow, each as its own message. */
final class LeaderThreadMessage {

    private LeaderThreadMessage() {
    }

    static Out.Message render(CheckIn c) {
        String line = "Answers to your check-in *" + escape(c.title()) + "* (`" + c.id()
                + "`) will arrive here, each as its own message, visible only to you. To write to someone about "
                + "their answer, reply in the thread under it: only they see it.";
        Out b = new Out();
        b.section(":lock: " + line);
        return b.message(line);
    }
}
