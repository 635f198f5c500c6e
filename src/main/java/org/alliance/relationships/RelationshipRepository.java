package org.alliance.relationships;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/** One document per leader and person, keyed by both, so a check-in updates it in one atomic upsert. */
@Repository
class RelationshipRepository {

    public record RelationshipDocument(@BsonId String id, String teamId, String leaderId, String memberId,
                                       Instant firstCheckInAt, Instant lastCheckInAt, String lastCheckInId,
                                       int checkIns, boolean tracking, Instant driftAlertedAt) {
        Relationship relationship() {
            return new Relationship(teamId, leaderId, memberId, firstCheckInAt, lastCheckInAt, lastCheckInId,
                    checkIns, tracking, driftAlertedAt);
        }
    }

    private final MongoCollection<RelationshipDocument> collection;

    RelationshipRepository(MongoDatabase database) {
        this.collection = database.getCollection("relationships", RelationshipDocument.class);
        collection.createIndex(Indexes.ascending("teamId", "leaderId", "lastCheckInAt"));
        // The daily drift sweep: who in a workspace has gone longest without a check-in.
        collection.createIndex(Indexes.ascending("teamId", "tracking", "lastCheckInAt"));
    }

    static String id(String teamId, String leaderId, String memberId) {
        return teamId + ":" + leaderId + ":" + memberId;
    }

    /**
     * A check-in with these people started: they are (again) among the leader's people. One bulk
     * write of one upsert each: a large check-in's start would otherwise wait on a round trip per person.
     */
    void checkedIn(String teamId, String leaderId, Collection<String> memberIds, String checkInId, Instant at) {
        if (memberIds.isEmpty()) {
            return;
        }
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        collection.bulkWrite(memberIds.stream().<WriteModel<RelationshipDocument>>map(memberId -> new UpdateOneModel<>(
                Filters.eq("_id", id(teamId, leaderId, memberId)), Updates.combine(
                        Updates.setOnInsert("teamId", teamId), Updates.setOnInsert("leaderId", leaderId),
                        Updates.setOnInsert("memberId", memberId), Updates.setOnInsert("firstCheckInAt", at),
                        Updates.set("lastCheckInAt", at), Updates.set("lastCheckInId", checkInId),
                        Updates.inc("checkIns", 1), Updates.set("tracking", true)), upsert)).toList(),
                new BulkWriteOptions().ordered(false));
    }

    /** The people a leader follows, the longest without a check-in first. */
    List<Relationship> tracked(String teamId, String leaderId) {
        return collection.find(Filters.and(Filters.eq("teamId", teamId), Filters.eq("leaderId", leaderId),
                        Filters.eq("tracking", true)))
                .sort(Sorts.ascending("lastCheckInAt")).map(RelationshipDocument::relationship)
                .into(new ArrayList<>());
    }

    Optional<Relationship> find(String teamId, String leaderId, String memberId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id(teamId, leaderId, memberId))).first())
                .map(RelationshipDocument::relationship);
    }

    /** False when the leader did not follow this person (never, or not any more). */
    boolean stopTracking(String teamId, String leaderId, String memberId) {
        return update(teamId, leaderId, memberId, Filters.eq("tracking", true), Updates.set("tracking", false));
    }

    /** Leaders with someone they follow whom they last checked in with before {@code before}. */
    Set<String> leadersWithoutCheckInSince(String teamId, Instant before) {
        return collection.distinct("leaderId", Filters.and(Filters.eq("teamId", teamId), Filters.eq("tracking", true),
                Filters.lt("lastCheckInAt", before)), String.class).into(new HashSet<>());
    }

    /** The workspaces anyone has checked in within. */
    Set<String> teams() {
        return collection.distinct("teamId", String.class).into(new HashSet<>());
    }

    /**
     * Stores a relationship from check-ins of the past, only if there is none: one already kept by
     * newer check-ins knows better. False when it existed.
     */
    boolean insertIfMissing(Relationship r) {
        UpdateResult result = collection.updateOne(Filters.eq("_id", id(r.teamId(), r.leaderId(), r.memberId())),
                Updates.combine(Updates.setOnInsert("teamId", r.teamId()), Updates.setOnInsert("leaderId", r.leaderId()),
                        Updates.setOnInsert("memberId", r.memberId()),
                        Updates.setOnInsert("firstCheckInAt", r.firstCheckInAt()),
                        Updates.setOnInsert("lastCheckInAt", r.lastCheckInAt()),
                        Updates.setOnInsert("lastCheckInId", r.lastCheckInId()),
                        Updates.setOnInsert("checkIns", r.checkIns()), Updates.setOnInsert("tracking", true)),
                new UpdateOptions().upsert(true));
        return result.getUpsertedId() != null;
    }

    void driftAlerted(String teamId, String leaderId, String memberId, Instant at) {
        update(teamId, leaderId, memberId, Filters.empty(), Updates.set("driftAlertedAt", at));
    }

    private boolean update(String teamId, String leaderId, String memberId, Bson condition, Bson update) {
        return collection.updateOne(ByKey.of(id(teamId, leaderId, memberId), condition), update)
                .getModifiedCount() > 0;
    }
}
