package org.alliance.checkin;

/** What the leader is told once a start has gone through, or why it did not. */
final class StartReplies {

    private StartReplies() {
    }

    static String text(StartOutcome outcome) {
        if (outcome instanceof StartOutcome.Refused refused) {
            return ":warning: " + refused.message();
        }
        CheckIn c = ((StartOutcome.Started) outcome).checkIn();
        int reached = c.participants().size() - ((StartOutcome.Started) outcome).notReached().size();
        return ":white_check_mark: Check-in `" + c.id() + "` started in <#" + c.channelId() + ">. I've sent it to "
                + reached + (reached == 1 ? " person" : " people") + ". `/alliance status " + c.id()
                + "` shows how it's going.";
    }
}
