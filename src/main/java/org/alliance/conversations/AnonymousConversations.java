package org.alliance.conversations;

import java.time.Instant;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.alliance.checkin.AnonymousAnswers.AnonymousAnswer;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * One document per anonymous answer a leader replied to, keyed by the answer's opaque key. It is
 * the one place that links the author (and their DM thread) to the leader's thread, which is why
 * nothing read from it is ever shown to the leader but the question. Every change is one
 * conditional update, so a redelivered message is taken once.
 */
@Repository
class AnonymousConversations {

    /**
     * @param leaderLastTs / authorLastTs the newest message taken from each side, so a redelivered one is not relayed twice
     * @param toAuthorAt / toLeaderAt     when the latest message each way is due, so later ones never overtake it
     * @param reachedAuthorAt             when the author first got the leader's words: before that, the author's
     *                                    thread is not yet theirs to answer in
     */
    public record Conversation(@BsonId String id, String teamId, String checkInId, String leaderId, String authorId,
                               String questionId, String question, String authorChannelId, String authorThreadTs,
                               String leaderChannelId, String leaderRootTs, String leaderLastTs, String authorLastTs,
                               Instant createdAt, Instant reachedAuthorAt, Instant activeAt, Instant toAuthorAt,
                               Instant toLeaderAt) {
    }

    private final MongoCollection<Conversation> collection;

    AnonymousConversations(MongoDatabase database) {
        this.collection = database.getCollection("anonymous_conversations", Conversation.class);
        collection.createIndex(Indexes.ascending("teamId", "leaderChannelId", "leaderRootTs"));
        collection.createIndex(Indexes.ascending("teamId", "checkInId", "authorId"));
    }

    /** The conversation about this answer, started now unless there is one: one conversation per answer. */
    Conversation open(AnonymousAnswer a, Instant now) {
        Conversation fresh = new Conversation(a.key(), a.checkIn().teamId(), a.checkIn().id(), a.checkIn().leaderId(),
                a.author().userId(), a.question().id(), a.question().text(), a.author().dmChannelId(),
                a.author().dmTs(), null, null, null, null, now, null, now, null, null);
        try {
            collection.insertOne(fresh);
            return fresh;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(a.checkIn().teamId(), a.key()).orElseThrow(() -> e);
        }
    }

    /** The conversation with this id, only if it belongs to the workspace. */
    Optional<Conversation> find(String teamId, String id) {
        return Optional.ofNullable(collection.find(ByKey.of(id, Filters.eq("teamId", teamId)))
                .first());
    }

    Optional<Conversation> byLeaderThread(String teamId, String channelId, String rootTs) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("teamId", teamId),
                Filters.eq("leaderChannelId", channelId), Filters.eq("leaderRootTs", rootTs))).first());
    }

    /** The author's conversation in this check-in that reached them and was active last. */
    Optional<Conversation> latestReached(String teamId, String checkInId, String authorId) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("teamId", teamId),
                        Filters.eq("checkInId", checkInId), Filters.eq("authorId", authorId),
                        Filters.ne("reachedAuthorAt", null)))
                .sort(Sorts.descending("activeAt")).first());
    }

    /** Whether another conversation in this check-in reached the same author, so they share one DM thread. */
    boolean othersReached(Conversation c) {
        return collection.find(Filters.and(Filters.eq("teamId", c.teamId()), Filters.eq("checkInId", c.checkInId()),
                Filters.eq("authorId", c.authorId()), Filters.ne("reachedAuthorAt", null), Filters.ne("_id", c.id())))
                .limit(1).first() != null;
    }

    /** Records the leader's thread unless one was recorded meanwhile; returns the conversation as stored. */
    Conversation leaderRoot(String id, String channelId, String ts) {
        collection.updateOne(ByKey.of(id, Filters.eq("leaderRootTs", null)),
                Updates.combine(Updates.set("leaderChannelId", channelId), Updates.set("leaderRootTs", ts)));
        // The id was just read from a stored conversation, not from a request.
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).orElseThrow();
    }

    /** A message from the leader's form, due at {@code dueAt}. */
    void queuedToAuthor(String id, Instant dueAt) {
        collection.updateOne(Filters.eq("_id", id), Updates.set("toAuthorAt", dueAt));
    }

    /** Takes the leader's message {@code ts} once: false when it (or a later one) was taken before. */
    boolean takeFromLeader(String id, String ts, Instant dueAt) {
        return take(id, "leaderLastTs", ts, Updates.set("toAuthorAt", dueAt));
    }

    /** Takes the author's message {@code ts} once: false when it (or a later one) was taken before. */
    boolean takeFromAuthor(String id, String ts, Instant dueAt, Instant now) {
        return take(id, "authorLastTs", ts, Updates.combine(Updates.set("toLeaderAt", dueAt), Updates.set("activeAt", now)));
    }

    void reachedAuthor(String id, Instant now) {
        collection.updateOne(Filters.eq("_id", id), Updates.set("activeAt", now));
        collection.updateOne(ByKey.of(id, Filters.eq("reachedAuthorAt", null)),
                Updates.set("reachedAuthorAt", now));
    }

    private boolean take(String id, String lastTsField, String ts, Bson also) {
        return collection.updateOne(ByKey.of(id,
                        Filters.or(Filters.eq(lastTsField, null), Filters.lt(lastTsField, ts))),
                Updates.combine(Updates.set(lastTsField, ts), also)).getModifiedCount() > 0;
    }
}
