package org.alliance.checkin;

import java.util.List;

/** The leader's open commitments from a check-in, as lines of mrkdwn, for the follow-up reminder. */
public interface OpenCommitments {

    List<String> describeOpen(String teamId, String checkInId);
}
