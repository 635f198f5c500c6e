package org.alliance.checkin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/** Check-ins, stored whole under {@code checkIn}; the short id is the document id. */
@Repository
class CheckInRepository {

    public record CheckInDocument(@BsonId String id, CheckIn checkIn) {
    }

    private static final String P = "checkIn.";

    private final MongoCollection<CheckInDocument> collection;

    CheckInRepository(MongoDatabase database) {
        this.collection = database.getCollection("checkins", CheckInDocument.class);
        collection.createIndex(Indexes.ascending(P + "teamId", P + "leaderId", P + "createdAt"));
        // Home's "you lead": the open few among a leader's many past check-ins, without reading the others.
        collection.createIndex(Indexes.ascending(P + "teamId", P + "leaderId", P + "status", P + "createdAt"));
        // History: a leader with one person, and one person across leaders, newest first (participants is multikey).
        collection.createIndex(Indexes.ascending(P + "teamId", P + "leaderId", P + "participants", P + "createdAt", "_id"));
        collection.createIndex(Indexes.ascending(P + "teamId", P + "participants", P + "createdAt", "_id"));
    }

    /** False when the id is taken, so the caller can draw another. */
    boolean insert(CheckIn checkIn) {
        try {
            collection.insertOne(new CheckInDocument(checkIn.id(), checkIn));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The check-in with this id, only if it belongs to the workspace: ids are unique across
     * workspaces, but one named in a request from another workspace must find nothing.
     */
    Optional<CheckIn> find(String teamId, String id) {
        return Optional.ofNullable(collection.find(ByKey.of(id, Filters.eq(P + "teamId", teamId)))
                .first()).map(CheckInDocument::checkIn);
    }

    /** The check-ins of a workspace with these ids, by the _id index; unknown ids are left out. */
    List<CheckIn> findAll(String teamId, java.util.Collection<String> ids) {
        return collection.find(Filters.in("_id", ids)).map(CheckInDocument::checkIn)
                .into(new ArrayList<>()).stream().filter(c -> c.teamId().equals(teamId)).toList();
    }

    void replace(CheckIn checkIn) {
        collection.replaceOne(Filters.eq("_id", checkIn.id()), new CheckInDocument(checkIn.id(), checkIn));
    }

    /** Stores a changed check-in only if it is still open, so an edit never revives one that just ended. */
    boolean replaceIfOpen(CheckIn checkIn) {
        return collection.replaceOne(ByKey.of(checkIn.id(),
                        Filters.eq(P + "status", CheckInStatus.OPEN.name())),
                new CheckInDocument(checkIn.id(), checkIn)).getModifiedCount() > 0;
    }

    /** Takes these people off the check-in in one atomic update, whatever else changed it meanwhile. */
    void withoutParticipants(String id, List<String> userIds) {
        collection.updateOne(Filters.eq("_id", id), Updates.pullAll(P + "participants", userIds));
    }

    void delete(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }

    /**
     * Ends the check-in only if it is still open: of two instances (or a deadline racing the last
     * answer) exactly one gets the ended check-in back and does the follow-up work.
     */
    Optional<CheckIn> endIfOpen(CheckIn ended) {
        CheckInDocument previous = collection.findOneAndUpdate(
                ByKey.of(ended.id(), Filters.eq(P + "status", CheckInStatus.OPEN.name())),
                Updates.combine(Updates.set(P + "status", ended.status().name()),
                        Updates.set(P + "closedAt", ended.closedAt())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(previous).map(CheckInDocument::checkIn);
    }

    /** A leader's check-ins of one purpose in one channel since {@code since}, newest first. */
    List<CheckIn> ledIn(String teamId, String leaderId, String channelId, String purpose, java.time.Instant since,
                        int limit) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", leaderId),
                        Filters.eq(P + "channelId", channelId), Filters.eq(P + "purpose", purpose),
                        Filters.gte(P + "createdAt", since)))
                .sort(Sorts.descending(P + "createdAt")).limit(limit)
                .map(CheckInDocument::checkIn).into(new ArrayList<>());
    }

    /** A leader's check-ins started in {@code [since, until]}, newest first; served by the (team, leader, createdAt) index. */
    List<CheckIn> ledBetween(String teamId, String leaderId, java.time.Instant since, java.time.Instant until,
                             int limit) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", leaderId),
                        Filters.gte(P + "createdAt", since), Filters.lte(P + "createdAt", until)))
                .sort(Sorts.descending(P + "createdAt")).limit(limit)
                .map(CheckInDocument::checkIn).into(new ArrayList<>());
    }

    List<CheckIn> ledBy(String teamId, String leaderId, int limit) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", leaderId)))
                .sort(Sorts.descending(P + "createdAt")).limit(limit)
                .map(CheckInDocument::checkIn).into(new ArrayList<>());
    }

    /** The check-in whose answers reach {@code leaderId} in the DM thread {@code threadTs}, if any. */
    Optional<CheckIn> byLeaderThread(String teamId, String leaderId, String threadTs) {
        // The leader index narrows to one leader; a reply in their thread is rare enough not to need its own.
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq(P + "teamId", teamId),
                Filters.eq(P + "leaderId", leaderId), Filters.eq(P + "leaderThreadTs", threadTs))).first())
                .map(CheckInDocument::checkIn);
    }

    /** Every check-in, one at a time (a cursor, not a list: there may be many). */
    void forEach(java.util.function.Consumer<CheckIn> each) {
        for (CheckInDocument doc : collection.find()) {
            each.accept(doc.checkIn());
        }
    }

    /** Every open check-in of a workspace. */
    List<CheckIn> open(String teamId) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId),
                Filters.eq(P + "status", CheckInStatus.OPEN.name()))).map(CheckInDocument::checkIn)
                .into(new ArrayList<>());
    }

    /** The leader's open check-ins, newest first, at most {@code limit}. */
    List<CheckIn> openLedBy(String teamId, String leaderId, int limit) {
        return collection.find(openLedBy(teamId, leaderId)).sort(Sorts.descending(P + "createdAt")).limit(limit)
                .map(CheckInDocument::checkIn).into(new ArrayList<>());
    }

    long countOpenLedBy(String teamId, String leaderId) {
        return collection.countDocuments(openLedBy(teamId, leaderId));
    }

    private static org.bson.conversions.Bson openLedBy(String teamId, String leaderId) {
        return Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", leaderId),
                Filters.eq(P + "status", CheckInStatus.OPEN.name()));
    }

    /** Check-ins that asked {@code userId} (led by {@code leaderIdOrNull}, or by anyone), newest first. */
    List<CheckIn> asking(String teamId, String leaderIdOrNull, String userId, int skip, int limit) {
        return collection.find(asking(teamId, leaderIdOrNull, userId))
                .sort(Sorts.descending(P + "createdAt", "_id")).skip(skip).limit(limit)
                .map(CheckInDocument::checkIn).into(new ArrayList<>());
    }

    long countAsking(String teamId, String leaderIdOrNull, String userId) {
        return collection.countDocuments(asking(teamId, leaderIdOrNull, userId));
    }

    private static org.bson.conversions.Bson asking(String teamId, String leaderIdOrNull, String userId) {
        return leaderIdOrNull == null
                ? Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "participants", userId))
                : Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", leaderIdOrNull),
                        Filters.eq(P + "participants", userId));
    }
}
