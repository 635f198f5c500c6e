package org.alliance.checkin;

import java.time.Instant;
import java.util.List;

/**
 * A check-in changed in a way its people see outside it (Home, their history, the leader's
 * people). Published after the change is stored; listeners must be quick and must not throw.
 *
 * @param concerned whose view changed: the leader and everyone asked when it started or ended,
 *                  the leader and the person who answered when an answer arrived
 */
public record CheckInChanged(String teamId, String checkInId, String leaderId, Change change, List<String> concerned,
                             Instant at) {

    public enum Change { STARTED, ANSWERED, ENDED }

    public CheckInChanged {
        concerned = List.copyOf(concerned);
    }
}
