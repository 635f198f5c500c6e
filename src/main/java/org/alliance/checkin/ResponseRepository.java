package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.alliance.persistence.ByKey;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * One document per participant per check-in, made unique by an index. Every change is a single
 * conditional update, so double clicks, Slack retries and several instances cannot duplicate or
 * overwrite each other.
 */
@Repository
class ResponseRepository {

    public record ResponseDocument(@BsonId String id, Response response) {
    }

    private static final String P = "response.";
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<ResponseDocument> collection;

    ResponseRepository(MongoDatabase database) {
        this.collection = database.getCollection("responses", ResponseDocument.class);
        collection.createIndex(Indexes.ascending(P + "checkInId", P + "userId"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending(P + "teamId", P + "userId", P + "status"));
        collection.createIndex(Indexes.ascending(P + "teamId", P + "dmChannelId", P + "dmTs"));
        collection.createIndex(Indexes.ascending(P + "teamId", P + "sharedTs"));
    }

    void insertAll(List<Response> responses) {
        collection.insertMany(responses.stream().map(r -> new ResponseDocument(r.id(), r)).toList());
    }

    /** Stores one response unless it is there already: retrying a bulk write that got part of the way is safe. */
    void insertIfAbsent(Response response) {
        try {
            collection.insertOne(new ResponseDocument(response.id(), response));
        } catch (MongoWriteException e) {
            // Its id is (check-in, person): the one there is this very response, stored by the earlier attempt.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    void deleteForCheckIn(String checkInId) {
        collection.deleteMany(Filters.eq(P + "checkInId", checkInId));
    }

    /** Takes someone off a check-in, unless they answered or skipped meanwhile; returns whether they were taken off. */
    boolean deleteIfPending(String checkInId, String userId) {
        return collection.deleteOne(ByKey.of(Response.idOf(checkInId, userId),
                Filters.eq(P + "status", ResponseStatus.PENDING.name()))).getDeletedCount() > 0;
    }

    /** Removes these people's responses that are still pending, in one write. */
    void deletePending(String checkInId, List<String> userIds) {
        collection.deleteMany(ByKey.all(userIds.stream().map(u -> Response.idOf(checkInId, u)).toList(),
                Filters.eq(P + "status", ResponseStatus.PENDING.name())));
    }

    void delete(String checkInId, String userId) {
        collection.deleteOne(Filters.eq("_id", Response.idOf(checkInId, userId)));
    }

    Optional<Response> find(String checkInId, String userId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", Response.idOf(checkInId, userId))).first())
                .map(ResponseDocument::response);
    }

    /** One person's responses to these check-ins, by primary key. */
    List<Response> ofUserIn(String userId, java.util.Collection<String> checkInIds) {
        return collection.find(Filters.in("_id", checkInIds.stream().map(c -> Response.idOf(c, userId)).toList()))
                .map(ResponseDocument::response).into(new ArrayList<>());
    }

    /** The answered responses of these check-ins, without the answers' text (the caller needs only times). */
    List<Response> answeredIn(java.util.Collection<String> checkInIds) {
        return collection.find(Filters.and(Filters.in(P + "checkInId", checkInIds),
                        Filters.eq(P + "status", ResponseStatus.ANSWERED.name())))
                .projection(com.mongodb.client.model.Projections.exclude(P + "answers"))
                .map(ResponseDocument::response).into(new ArrayList<>());
    }

    List<Response> forCheckIn(String checkInId) {
        return collection.find(Filters.eq(P + "checkInId", checkInId)).sort(Sorts.ascending("_id"))
                .map(ResponseDocument::response).into(new ArrayList<>());
    }

    List<Response> pendingFor(String teamId, String userId) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "userId", userId),
                        Filters.eq(P + "status", ResponseStatus.PENDING.name())))
                .map(ResponseDocument::response).into(new ArrayList<>());
    }

    /** Every response of one person in a workspace, served by the (teamId, userId, status) index. */
    List<Response> forUser(String teamId, String userId) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "userId", userId)))
                .map(ResponseDocument::response).into(new ArrayList<>());
    }

    /** Whether this person was ever asked in a check-in (answered or not). */
    boolean anyFor(String teamId, String userId) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "userId", userId)))
                .limit(1).first() != null;
    }

    Optional<Response> byDmThread(String teamId, String dmChannelId, String dmTs) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq(P + "teamId", teamId),
                        Filters.eq(P + "dmChannelId", dmChannelId), Filters.eq(P + "dmTs", dmTs))).first())
                .map(ResponseDocument::response);
    }

    /** The answers shared at {@code sharedTs} in a workspace (a ts is unique only within its channel). */
    List<Response> bySharedTs(String teamId, String sharedTs) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "sharedTs", sharedTs)))
                .map(ResponseDocument::response).into(new ArrayList<>());
    }

    Optional<Response> invited(String id, String dmChannelId, String dmTs) {
        return update(Filters.eq("_id", id),
                Updates.combine(Updates.set(P + "dmChannelId", dmChannelId), Updates.set(P + "dmTs", dmTs)));
    }

    /** Where one invitation went: its DM's channel and ts. */
    record Invited(String responseId, String dmChannelId, String dmTs) {
    }

    /** Records several invitations in one write, as {@link #invited(String, String, String)} does each. */
    void invitedAll(List<Invited> invited) {
        if (invited.isEmpty()) {
            return;
        }
        collection.bulkWrite(invited.stream().<com.mongodb.client.model.WriteModel<ResponseDocument>>map(i ->
                new com.mongodb.client.model.UpdateOneModel<>(Filters.eq("_id", i.responseId()), Updates.combine(
                        Updates.set(P + "dmChannelId", i.dmChannelId()), Updates.set(P + "dmTs", i.dmTs())))).toList(),
                new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }

    /** Records the whole set of answers (modal submit or edit); refused once skipped, missed or closed. */
    Optional<Response> answered(String id, Map<String, String> answers, Instant at) {
        return update(ByKey.of(id,
                        Filters.in(P + "status", ResponseStatus.PENDING.name(), ResponseStatus.ANSWERED.name())),
                Updates.combine(Updates.set(P + "answers", answers), Updates.set(P + "status", ResponseStatus.ANSWERED.name()),
                        Updates.set(P + "answeredAt", at), Updates.set(P + "updatedAt", at)));
    }

    /**
     * Takes one DM-thread reply for question {@code index}. The condition on the index and on the
     * reply's ts makes a redelivered or concurrent reply a no-op instead of a second answer.
     */
    Optional<Response> threadReply(String id, int index, String questionId, String answerOrNull, String replyTs,
                                   boolean last, Instant at) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set(P + "threadNext", index + 1));
        updates.add(Updates.set(P + "lastReplyTs", replyTs));
        updates.add(Updates.set(P + "updatedAt", at));
        if (answerOrNull != null) {
            updates.add(Updates.set(P + "answers." + questionId, answerOrNull));
        }
        if (last) {
            updates.add(Updates.set(P + "status", ResponseStatus.ANSWERED.name()));
            updates.add(Updates.set(P + "answeredAt", at));
        }
        return update(ByKey.of(id, Filters.eq(P + "status", ResponseStatus.PENDING.name()),
                Filters.eq(P + "threadNext", index)), Updates.combine(updates));
    }

    Optional<Response> skipped(String id, String reason, Instant at) {
        return update(ByKey.of(id, Filters.eq(P + "status", ResponseStatus.PENDING.name())),
                Updates.combine(Updates.set(P + "status", ResponseStatus.SKIPPED.name()),
                        Updates.set(P + "skipReason", reason), Updates.set(P + "updatedAt", at)));
    }

    /** A DM-thread conversation in which every question was skipped. */
    Optional<Response> skippedAfterThread(String id, Instant at) {
        return update(ByKey.of(id, Filters.eq(P + "status", ResponseStatus.ANSWERED.name()),
                        Filters.eq(P + "answers", new org.bson.Document())),
                Updates.combine(Updates.set(P + "status", ResponseStatus.SKIPPED.name()),
                        Updates.unset(P + "answeredAt"), Updates.set(P + "updatedAt", at)));
    }

    /** Pending responses of an ended check-in become missed; returns how many. */
    long markMissed(String checkInId, Instant at) {
        return collection.updateMany(Filters.and(Filters.eq(P + "checkInId", checkInId),
                        Filters.eq(P + "status", ResponseStatus.PENDING.name())),
                Updates.combine(Updates.set(P + "status", ResponseStatus.MISSED.name()), Updates.set(P + "updatedAt", at)))
                .getModifiedCount();
    }

    void shared(String id, String sharedTs) {
        collection.updateOne(Filters.eq("_id", id), Updates.set(P + "sharedTs", sharedTs));
    }

    /** The first acknowledgement counts; a second click changes nothing. Empty when it was acknowledged before. */
    Optional<Response> acknowledged(String id, Instant at) {
        return update(ByKey.of(id, Filters.eq(P + "acknowledgedAt", null)),
                Updates.set(P + "acknowledgedAt", at));
    }

    /**
     * The leader read an anonymous check-in's summary: every answer in it counts as acknowledged,
     * once. Returns how many were not before, so a second click can do nothing.
     */
    long summaryAcknowledged(String checkInId, Instant at) {
        return collection.updateMany(Filters.and(Filters.eq(P + "checkInId", checkInId),
                        Filters.eq(P + "status", ResponseStatus.ANSWERED.name()), Filters.eq(P + "acknowledgedAt", null)),
                Updates.set(P + "acknowledgedAt", at)).getModifiedCount();
    }

    /** The leader's first reply counts; later ones change nothing. Empty when they replied before. */
    Optional<Response> replied(String id, Instant at) {
        return update(ByKey.of(id, Filters.eq(P + "repliedAt", null)),
                Updates.set(P + "repliedAt", at));
    }

    private Optional<Response> update(Bson filter, Bson update) {
        return Optional.ofNullable(collection.findOneAndUpdate(filter, update, AFTER)).map(ResponseDocument::response);
    }
}
