package org.alliance.relationships;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

/** Relationships written straight into {@code relationships} in the stored shape, for benchmarks. */
public final class SeededRelationships {

    private SeededRelationships() {
    }

    public static void insert(MongoDatabase db, List<Relationship> relationships) {
        if (relationships.isEmpty()) {
            return;
        }
        // Replaced, not inserted: the app's own backfill may have built some from the seeded check-ins meanwhile.
        db.getCollection("relationships", RelationshipRepository.RelationshipDocument.class).bulkWrite(
                relationships.stream().map(r -> {
                    String id = RelationshipRepository.id(r.teamId(), r.leaderId(), r.memberId());
                    return new ReplaceOneModel<>(Filters.eq("_id", id), new RelationshipRepository.RelationshipDocument(
                            id, r.teamId(), r.leaderId(), r.memberId(), r.firstCheckInAt(), r.lastCheckInAt(),
                            r.lastCheckInId(), r.checkIns(), r.tracking(), r.driftAlertedAt()),
                            new ReplaceOptions().upsert(true));
                }).toList());
    }
}
