package org.alliance.schedule;

import java.util.List;

import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;

/**
 * Queries for jobs by key, written {@code {_id: key, …}}: with the key at the top of the query the
 * embedded server finds the job through its {@code _id} index, while under {@code $and} (what
 * {@code Filters.and} writes) it reads every job to match it: seconds per claim with 100,000 pending
 * (issue #12). A real MongoDB plans both alike.
 */
final class ByKey {

    private ByKey() {
    }

    static Bson of(String key, Bson... more) {
        return withTop(new BsonDocument("_id", new BsonString(key)), more);
    }

    static Bson all(List<?> keys, Bson... more) {
        return withTop(Filters.in("_id", keys).toBsonDocument(), more);
    }

    private static Bson withTop(BsonDocument query, Bson... more) {
        for (Bson filter : more) {
            filter.toBsonDocument().forEach((field, condition) -> {
                // Merged side by side, a second condition on a field would silently replace the first.
                if (query.put(field, condition) != null) {
                    throw new IllegalArgumentException("two conditions on " + field + ": use Filters.and for those");
                }
            });
        }
        return query;
    }
}
