package org.alliance.snooze;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

@Repository
class SnoozeRepository {

    public record SnoozeDocument(@BsonId String id, String teamId, String userId, Instant until, Instant since) {
    }

    private final MongoCollection<SnoozeDocument> collection;

    SnoozeRepository(MongoDatabase database) {
        this.collection = database.getCollection("snoozes", SnoozeDocument.class);
    }

    void save(String teamId, String userId, Instant until, Instant now) {
        String id = teamId + ":" + userId;
        collection.replaceOne(Filters.eq("_id", id), new SnoozeDocument(id, teamId, userId, until, now),
                new ReplaceOptions().upsert(true));
    }

    boolean delete(String teamId, String userId) {
        return collection.deleteOne(Filters.eq("_id", teamId + ":" + userId)).getDeletedCount() > 0;
    }

    /** The snoozes of these people, by user id, in one query (a large check-in's start asks for everyone at once). */
    Map<String, Instant> until(String teamId, Collection<String> userIds) {
        Map<String, Instant> out = new HashMap<>();
        collection.find(Filters.in("_id", userIds.stream().map(u -> teamId + ":" + u).toList()))
                .forEach(d -> out.put(d.userId(), d.until()));
        return out;
    }

    Optional<Instant> until(String teamId, String userId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", teamId + ":" + userId)).first())
                .map(SnoozeDocument::until);
    }
}
