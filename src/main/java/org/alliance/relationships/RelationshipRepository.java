package org.alliance.relationships;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
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
    }

    static String id(String teamId, String leaderId, String memberId) {
        return teamId + ":" + leaderId + ":" + memberId;
    }

    /** A check-in with this person started: they are (again) among the leader's people. */
    void checkedIn(String teamId, String leaderId, String memberId, String checkInId, Instant at) {
        collection.updateOne(Filters.eq("_id", id(teamId, leaderId, memberId)), Updates.combine(
                        Updates.setOnInsert("teamId", teamId), Updates.setOnInsert("leaderId", leaderId),
                        Updates.setOnInsert("memberId", memberId), Updates.setOnInsert("firstCheckInAt", at),
                        Updates.set("lastCheckInAt", at), Updates.set("lastCheckInId", checkInId),
                        Updates.inc("checkIns", 1), Updates.set("tracking", true)),
                new UpdateOptions().upsert(true));
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

    void driftAlerted(String teamId, String leaderId, String memberId, Instant at) {
        update(teamId, leaderId, memberId, Filters.empty(), Updates.set("driftAlertedAt", at));
    }

    private boolean update(String teamId, String leaderId, String memberId, Bson condition, Bson update) {
        return collection.updateOne(Filters.and(Filters.eq("_id", id(teamId, leaderId, memberId)), condition), update)
                .getModifiedCount() > 0;
    }
}
