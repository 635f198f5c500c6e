package org.alliance.agreements;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/**
 * Agreements, one document per leader and person ({@code teamId:leaderId:memberId}) holding every
 * version. A change replaces the document only if nobody changed it since it was read (its
 * revision), so a double click or two instances confirm a version once.
 */
@Repository
class AgreementRepository {

    public record AgreementDocument(@BsonId String id, Agreement agreement) {
    }

    private static final String P = "agreement.";

    private final MongoCollection<AgreementDocument> collection;

    AgreementRepository(MongoDatabase database) {
        this.collection = database.getCollection("agreements", AgreementDocument.class);
        collection.createIndex(Indexes.ascending(P + "teamId", P + "memberId"));
    }

    Optional<Agreement> find(String teamId, String leaderId, String memberId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", Agreement.idOf(teamId, leaderId, memberId)))
                .first()).map(AgreementDocument::agreement);
    }

    /** The agreements {@code memberId} has with each of their leaders. */
    List<Agreement> ofMember(String teamId, String memberId) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "memberId", memberId)))
                .map(AgreementDocument::agreement).into(new ArrayList<>());
    }

    /**
     * Stores {@code changed} over the version of it read at {@code changed.revision() - 1}; false
     * when someone else stored a change first (or made the pair's first version), so the caller
     * reads again and decides afresh.
     */
    boolean store(Agreement changed) {
        if (changed.revision() == 1) {
            try {
                collection.insertOne(new AgreementDocument(changed.id(), changed));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return collection.findOneAndReplace(ByKey.of(changed.id(),
                        Filters.eq(P + "revision", changed.revision() - 1)),
                new AgreementDocument(changed.id(), changed)) != null;
    }
}
