package org.alliance.commitments;

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
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Commitments, stored whole under {@code commitment}; the short id is the document id. Status
 * changes are conditional updates, so a double click or two instances change a commitment once.
 */
@Repository
class CommitmentRepository {

    public record CommitmentDocument(@BsonId String id, Commitment commitment) {
    }

    private static final String P = "commitment.";
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<CommitmentDocument> collection;

    CommitmentRepository(MongoDatabase database) {
        this.collection = database.getCollection("commitments", CommitmentDocument.class);
        collection.createIndex(Indexes.ascending(P + "teamId", P + "leaderId", P + "status"));
        collection.createIndex(Indexes.ascending(P + "teamId", P + "memberId", P + "status"));
        collection.createIndex(Indexes.ascending(P + "checkInId"));
        // The follow-through score: one leader's commitments due in a window.
        collection.createIndex(Indexes.ascending(P + "teamId", P + "leaderId", P + "dueAt"));
    }

    /** False when the id is taken, so the caller can draw another. */
    boolean insert(Commitment commitment) {
        try {
            collection.insertOne(new CommitmentDocument(commitment.id(), commitment));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<Commitment> find(String teamId, String id) {
        return Optional.ofNullable(collection.find(ByKey.of(id, Filters.eq(P + "teamId", teamId)))
                .first()).map(CommitmentDocument::commitment);
    }

    /** Stores {@code done} only if the commitment is still open; empty when it was done already. */
    Optional<Commitment> markDone(Commitment done) {
        return update(ByKey.of(done.id(), Filters.eq(P + "status", CommitmentStatus.OPEN.name())),
                Updates.combine(Updates.set(P + "status", done.status().name()), Updates.set(P + "doneAt", done.doneAt())));
    }

    /** Stores the member's first answer only; empty when they answered already (or it is not done). */
    Optional<Commitment> rate(Commitment rated) {
        return update(ByKey.of(rated.id(), Filters.eq(P + "status", CommitmentStatus.DONE.name()),
                        Filters.eq(P + "helped", null)),
                Updates.combine(Updates.set(P + "helped", rated.helped().name()),
                        Updates.set(P + "helpedAt", rated.helpedAt())));
    }

    List<Commitment> openByLeader(String teamId, String leaderId, int limit) {
        return open(Filters.eq(P + "leaderId", leaderId), teamId, limit);
    }

    List<Commitment> openForMember(String teamId, String memberId, int limit) {
        return open(Filters.eq(P + "memberId", memberId), teamId, limit);
    }

    List<Commitment> openForCheckIn(String teamId, String checkInId) {
        return collection.find(Filters.and(Filters.eq(P + "checkInId", checkInId), Filters.eq(P + "teamId", teamId),
                        Filters.eq(P + "status", CommitmentStatus.OPEN.name())))
                .sort(Sorts.ascending(P + "dueAt"))
                .map(CommitmentDocument::commitment).into(new ArrayList<>());
    }

    /** Commitments to {@code memberId} after these check-ins, newest first; served by the checkInId index. */
    List<Commitment> toMemberAfter(String teamId, String memberId, java.util.Collection<String> checkInIds) {
        return collection.find(Filters.and(Filters.in(P + "checkInId", checkInIds), Filters.eq(P + "teamId", teamId),
                        Filters.eq(P + "memberId", memberId)))
                .sort(Sorts.descending(P + "createdAt"))
                .map(CommitmentDocument::commitment).into(new ArrayList<>());
    }

    /** A leader's commitments due at or after {@code since}, or rated at or after it, at most {@code limit}. */
    List<Commitment> dueOrRatedSince(String teamId, String leaderId, java.time.Instant since, int limit) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", leaderId),
                        Filters.or(Filters.gte(P + "dueAt", since), Filters.gte(P + "helpedAt", since))))
                .sort(Sorts.descending(P + "dueAt")).limit(limit)
                .map(CommitmentDocument::commitment).into(new ArrayList<>());
    }

    private List<Commitment> open(Bson who, String teamId, int limit) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), who,
                        Filters.eq(P + "status", CommitmentStatus.OPEN.name())))
                .sort(Sorts.ascending(P + "dueAt")).limit(limit)
                .map(CommitmentDocument::commitment).into(new ArrayList<>());
    }

    private Optional<Commitment> update(Bson filter, Bson update) {
        return Optional.ofNullable(collection.findOneAndUpdate(filter, update, AFTER))
                .map(CommitmentDocument::commitment);
    }
}
