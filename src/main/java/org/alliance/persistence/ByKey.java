package org.alliance.persistence;

import java.util.List;

import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

/**
 * Queries for documents by key, written {@code {_id: key, …}} rather than under {@code $and} (what
 * {@code Filters.and} writes), so that the key is where the embedded database looks for it: it finds
 * the document by key first ({@link KeyedCollection}) instead of reading the whole collection, seconds
 * per claim with 100,000 jobs pending (issue #12). A real MongoDB plans both alike. Use it for every
 * query by {@code _id}.
 */
public final class ByKey {

    private ByKey() {
    }

    public static Bson of(Object key, Bson... more) {
        return withTop(Filters.eq("_id", key).toBsonDocument(), more);
    }

    public static Bson all(List<?> keys, Bson... more) {
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
