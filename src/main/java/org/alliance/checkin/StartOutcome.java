package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The result of starting a check-in: started (perhaps with people who could not be reached), or refused. */
public sealed interface StartOutcome {

    /**
     * @param notReached participants whose invitation could not be sent
     * @param away       participants away at the start, and until when: they were not asked
     */
    record Started(CheckIn checkIn, List<String> notReached, Map<String, Instant> away) implements StartOutcome {

        public Started {
            notReached = List.copyOf(notReached);
            away = Map.copyOf(away);
        }

        Started(CheckIn checkIn, List<String> notReached) {
            this(checkIn, notReached, Map.of());
        }

        /** How many people were actually sent the check-in (or will be, at their local time). */
        int asked() {
            return checkIn.participants().size() - away.size() - notReached.size();
        }
    }

    /** Nothing was created; {@code message} tells the leader why, in mrkdwn. */
    record Refused(String message) implements StartOutcome {
    }
}
