package org.alliance.checkin;

import java.util.Collection;

/** How far a check-in has got, derived from its responses. */
record Progress(int total, int answered, int skipped, int missed, int pending) {

    public static Progress of(Collection<Response> responses) {
        int answered = 0;
        int skipped = 0;
        int missed = 0;
        int pending = 0;
        for (Response r : responses) {
            switch (r.status()) {
                case ANSWERED -> answered++;
                case SKIPPED -> skipped++;
                case MISSED -> missed++;
                case PENDING -> pending++;
            }
        }
        return new Progress(responses.size(), answered, skipped, missed, pending);
    }

    public boolean allIn() {
        return pending == 0;
    }

    /** "2 of 5 answered", with skips when there are any. */
    public String summary() {
        String s = answered + " of " + total + " answered";
        if (skipped > 0) {
            s += ", " + skipped + " skipped";
        }
        if (missed > 0) {
            s += ", " + missed + " missed";
        }
        return s;
    }
}
