package org.alliance.persistence;

import java.util.List;

import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Asks an external MongoDB for a ping before anything else uses it, so an unreachable or refusing
 * server stops the start with one line that says so, not with the first repository's stack trace.
 * (Repositories build their indexes at start-up: the bot can't start without its database.)
 */
final class MongoStartCheck {

    static final String README = "README.md, \"Server and database\"";

    private MongoStartCheck() {
    }

    static void ping(MongoDatabase database, List<String> hosts) {
        String where = String.join(",", hosts);
        try {
            database.runCommand(new Document("ping", 1));
        } catch (MongoTimeoutException e) {
            throw new DatabaseStartFailure("MONGODB_URI: no MongoDB server answered at " + where
                    + " in time, so the bot can't start without its database.",
                    "Check that MongoDB is running and reachable from here and that MONGODB_URI names its hosts, "
                            + "then start again (see " + README + ").", e);
        } catch (MongoSecurityException e) {
            throw new DatabaseStartFailure("MONGODB_URI: the MongoDB server at " + where
                    + " refused the credentials in the connection string.",
                    "Check the user name, password and authSource in MONGODB_URI, then start again (see "
                            + README + ").", e);
        }
    }
}
