package org.alliance.persistence;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * Tells a database that can't be reached (down, restarting, partitioned, electing a primary) from
 * a bug: the first deserves a one-line log and "try again in a minute", the second a stack trace.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** True when {@code error}, or one of its causes, says the database could not be reached. */
    public static boolean in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                    || t instanceof MongoServerUnavailableException || t instanceof MongoConnectionPoolClearedException) {
                return true;
            }
        }
        return false;
    }

    /** The short line a log gets for an outage: the driver's message without its cluster dump. */
    public static String summary(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (in(t) && (t.getCause() == null || !in(t.getCause()))) {
                String message = String.valueOf(t.getMessage());
                int dump = message.indexOf(". Client view of cluster state");
                return t.getClass().getSimpleName() + ": " + (dump > 0 ? message.substring(0, dump) : message);
            }
        }
        return String.valueOf(error);
    }
}
