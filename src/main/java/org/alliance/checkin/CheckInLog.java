package org.alliance.checkin;

import java.util.Map;

import org.slf4j.MDC;

/**
 * Tags the log lines written while a check-in is worked on with its id, so structured logs can
 * be filtered by check-in. Only the id: never who answered or what they wrote.
 */
final class CheckInLog {

    /** Rendered by ECS as {@code checkin: {id: ...}} and by Logstash as a {@code checkin.id} field. */
    static final String ID = "checkin.id";

    private CheckInLog() {
    }

    /** Until closed, log lines carry {@code checkInId}; then what was there before is back. */
    static Scope of(String checkInId) {
        String before = MDC.get(ID);
        if (checkInId != null) {
            MDC.put(ID, checkInId);
        }
        return () -> {
            if (before == null) {
                MDC.remove(ID);
            } else {
                MDC.put(ID, before);
            }
        };
    }

    /** For a scheduled job's log context. */
    static Map<String, String> context(String checkInId) {
        return checkInId == null ? Map.of() : Map.of(ID, checkInId);
    }

    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
