package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How far a check-in has got, derived from its responses. People who were away when it started
 * were never asked, so they count neither in {@code total} nor as skipped: they are listed in
 * {@code away}, with when they are back.
 */
record Progress(int total, int answered, int skipped, int missed, int pending, List<Away> away) {

    /** Someone away when the check-in started, and until when. */
    record Away(String userId, Instant until) {
    }

    Progress {
        away = List.copyOf(away);
    }

    Progress(int total, int answered, int skipped, int missed, int pending) {
        this(total, answered, skipped, missed, pending, List.of());
    }

    public static Progress of(Collection<Response> responses) {
        int answered = 0;
        int skipped = 0;
        int missed = 0;
        int pending = 0;
        List<Away> away = new ArrayList<>();
        for (Response r : responses) {
            switch (r.status()) {
                case ANSWERED -> answered++;
                case SKIPPED -> {
                    var until = AwayReason.untilOf(r.skipReason());
                    if (until.isPresent()) {
                        away.add(new Away(r.userId(), until.get()));
                    } else {
                        skipped++;
                    }
                }
                case MISSED -> missed++;
                case PENDING -> pending++;
            }
        }
        return new Progress(responses.size() - away.size(), answered, skipped, missed, pending, away);
    }

    public boolean allIn() {
        return pending == 0;
    }

    /** "2 of 5 answered", with skips and people away when there are any. */
    public String summary() {
        String s = answered + " of " + total + " answered";
        if (skipped > 0) {
            s += ", " + skipped + " skipped";
        }
        if (missed > 0) {
            s += ", " + missed + " missed";
        }
        if (!away.isEmpty()) {
            s += ", " + away.size() + " away";
        }
        return s;
    }
}
