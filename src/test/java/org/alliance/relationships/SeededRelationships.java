package org.alliance.relationships;

import java.util.List;

import com.mongodb.client.MongoDatabase;

/** Relationships written straight into {@code relationships} in the stored shape, for benchmarks. */
public final class SeededRelationships {

    private SeededRelationships() {
    }

    public static void insert(MongoDatabase db, List<Relationship> relationships) {
        if (relationships.isEmpty()) {
            return;
        }
        db.getCollection("relationships", RelationshipRepository.RelationshipDocument.class).insertMany(
                relationships.stream().map(r -> new RelationshipRepository.RelationshipDocument(
                        RelationshipRepository.id(r.teamId(), r.leaderId(), r.memberId()), r.teamId(), r.leaderId(),
                        r.memberId(), r.firstCheckInAt(), r.lastCheckInAt(), r.lastCheckInId(), r.checkIns(),
                        r.tracking(), r.driftAlertedAt())).toList());
    }
}
