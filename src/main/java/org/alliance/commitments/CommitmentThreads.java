package org.alliance.commitments;

import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/**
 * Which commitment each DM the bot sent about one belongs to, keyed by where it is (team, DM
 * channel, message ts), so a reply in its thread can be answered. Kept apart from the
 * commitments themselves: a commitment has several messages, and older ones were never recorded.
 */
@Repository
class CommitmentThreads {

    /** What a message is, which decides what a reply in its thread means. */
    enum Kind {
        /** The leader's confirmation or reminder, with Mark done. */
        LEADER,
        /** The member's notice that a commitment was made to them. */
        MEMBER,
        /** The member's "Did it help?" question. */
        ASK_HELPED
    }

    public record ThreadDocument(@BsonId String id, String commitmentId, String kind) {
    }

    record Found(String commitmentId, Kind kind) {
    }

    private final MongoCollection<ThreadDocument> collection;

    CommitmentThreads(MongoDatabase database) {
        this.collection = database.getCollection("commitment_threads", ThreadDocument.class);
    }

    void remember(String teamId, String channelId, String ts, String commitmentId, Kind kind) {
        if (channelId == null || ts == null) {
            return;
        }
        collection.replaceOne(Filters.eq("_id", key(teamId, channelId, ts)),
                new ThreadDocument(key(teamId, channelId, ts), commitmentId, kind.name()),
                new ReplaceOptions().upsert(true));
    }

    Optional<Found> find(String teamId, String channelId, String ts) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", key(teamId, channelId, ts))).first())
                .map(d -> new Found(d.commitmentId(), Kind.valueOf(d.kind())));
    }

    private static String key(String teamId, String channelId, String ts) {
        return teamId + ":" + channelId + ":" + ts;
    }
}
