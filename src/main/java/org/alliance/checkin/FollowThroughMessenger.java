package org.alliance.checkin;

import java.util.List;

/** What the bot says to follow up and follow through, without the jobs knowing Slack. */
interface FollowThroughMessenger {

    /** A gentle nudge in the participant's check-in DM thread. */
    void remind(CheckIn checkIn, Response response);

    /**
     * Weeks after a check-in, reminds its leader to come back to the people in it: who took
     * part, what they said (only what the leader may see) and the commitments still open.
     */
    void followUp(CheckIn checkIn, List<Response> responses, List<String> openCommitments);

    /** Something the leader should know in plain words (for example a message that could not be sent). */
    void tellLeader(CheckIn checkIn, String mrkdwn);
}
