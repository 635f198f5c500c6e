package org.alliance.schedule;

import java.time.Instant;

/** Does one kind of scheduled work. Handlers check that the work still makes sense before doing it. */
public interface JobHandler {

    String kind();

    Outcome run(Job job);

    /** Called once when the job has failed {@code maxAttempts} times; tell someone in plain words. */
    default void failed(Job job, String error) {
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
