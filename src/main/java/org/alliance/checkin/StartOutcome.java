package org.alliance.checkin;

import java.util.List;

/** The result of starting a check-in: started (perhaps with people who could not be reached), or refused. */
public sealed interface StartOutcome {

    record Started(CheckIn checkIn, List<String> notReached) implements StartOutcome {
    }

    /** Nothing was created; {@code message} tells the leader why, in mrkdwn. */
    record Refused(String message) implements StartOutcome {
    }
}
