package org.alliance.checkin;

import static org.alliance.slack.SlackText.escape;

/** Opens the leader's DM thread where the answers of a leader-only check-in arrive. */
final class LeaderThreadMessage {

    private LeaderThreadMessage() {
    }

    static Out.Message render(CheckIn c) {
        String line = "Answers to your check-in *" + escape(c.title()) + "* (`" + c.id()
                + "`) will arrive in this thread, visible only to you.";
        Out b = new Out();
        b.section(":lock: " + line);
        return b.message(line);
    }
}
