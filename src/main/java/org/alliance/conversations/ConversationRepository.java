package org.alliance.conversations;

import java.time.Instant;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * One document per answer, keyed by the response id. Every change is one conditional update on
 * that document, so Slack's retries, double submits and several instances never relay twice.
 */
@Repository
class ConversationRepository {

    public record ConversationDocument(@BsonId String id, Conversation conversation) {
    }

    private static final String P = "conversation.";
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<ConversationDocument> collection;

    ConversationRepository(MongoDatabase database) {
        this.collection = database.getCollection("conversations", ConversationDocument.class);
        collection.createIndex(Indexes.ascending(P + "teamId", P + "leaderChannelId", P + "leaderTs"));
    }

    Optional<Conversation> find(String teamId, String id) {
        return Optional.ofNullable(collection.find(ByKey.of(id, Filters.eq(P + "teamId", teamId)))
                .first()).map(ConversationDocument::conversation);
    }

    /** Stores a new conversation, or returns the one already stored for that answer. */
    Conversation insertOrExisting(Conversation c) {
        try {
            collection.insertOne(new ConversationDocument(c.id(), c));
            return c;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(c.teamId(), c.id()).orElseThrow(() -> e);
        }
    }

    Optional<Conversation> byLeaderThread(String teamId, String leaderChannelId, String leaderTs) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq(P + "teamId", teamId),
                        Filters.eq(P + "leaderChannelId", leaderChannelId), Filters.eq(P + "leaderTs", leaderTs)))
                .first()).map(ConversationDocument::conversation);
    }

    /** Sets the leader's thread once; empty when another request set it first. */
    Optional<Conversation> leaderSide(String id, String channelId, String ts) {
        return update(ByKey.of(id, Filters.eq(P + "leaderTs", null)),
                Updates.combine(Updates.set(P + "leaderChannelId", channelId), Updates.set(P + "leaderTs", ts)));
    }

    /** Whether the leader's message {@code ts} is new (and is now remembered); false for a redelivery. */
    boolean leaderWrote(String id, String ts) {
        return newer(id, "lastLeaderTs", ts);
    }

    /** Whether the author's message {@code ts} is new (and is now remembered); false for a redelivery. */
    boolean personWrote(String id, String ts) {
        return newer(id, "lastPersonTs", ts);
    }

    /** True only the first time: the leader is told once where their writing goes. */
    boolean leaderTold(String id, Instant at) {
        return update(ByKey.of(id, Filters.eq(P + "leaderToldAt", null)),
                Updates.set(P + "leaderToldAt", at)).isPresent();
    }

    // Slack's ts are fixed-width ("1700000000.000100"), so their string order is their time order.
    private boolean newer(String id, String field, String ts) {
        return update(ByKey.of(id,
                        Filters.or(Filters.eq(P + field, null), Filters.lt(P + field, ts))),
                Updates.set(P + field, ts)).isPresent();
    }

    private Optional<Conversation> update(Bson filter, Bson update) {
        return Optional.ofNullable(collection.findOneAndUpdate(filter, update, AFTER))
                .map(ConversationDocument::conversation);
    }
}
