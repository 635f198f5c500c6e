package org.alliance.schedule;

import java.time.Instant;
import java.util.Map;

/**
 * Does one kind of scheduled work. Handlers check that the work still makes sense before doing it.
 * They get the payload decoded: a job whose stored data can't be read never reaches them.
 */
public interface JobHandler<P extends Record> {

    JobKind<P> kind();

    Outcome run(Job<P> job);

    /**
     * What the log lines written while the job runs are tagged with, besides its team and kind
     * (for example {@code checkin.id}). Ids only: never user ids or anything a person wrote.
     */
    default Map<String, String> logContext(P payload) {
        return Map.of();
    }

    /** Called once when the job has failed {@code maxAttempts} times; tell someone in plain words. */
    default void failed(Job<P> job, String error) {
    }

    sealed interface Outcome {
        /** Done, or nothing to do any more ({@code note} says why, for the log and the record). */
        record Done(String note) implements Outcome {
        }

        /** Not now (outside someone's working hours, say): run again at {@code at}. */
        record Later(Instant at, String note) implements Outcome {
        }

        static Outcome done() {
            return new Done(null);
        }

        static Outcome skipped(String why) {
            return new Done("skipped: " + why);
        }
    }
}
