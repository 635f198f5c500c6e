package org.alliance.playbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Playbooks, stored whole under {@code playbook}; the short id is the document id. A step changes by a
 * conditional update on its own status (and, for the whole playbook, on every step it changes), so two
 * instances, a retried job or a double click change each step once.
 */
@Repository
class PlaybookRepository {

    public record PlaybookDocument(@BsonId String id, Playbook playbook) {
    }

    private static final String P = "playbook.";
    private static final Bson RUNNING = Filters.eq(P + "steps.status", Playbook.StepStatus.PLANNED.name());

    private final MongoCollection<PlaybookDocument> collection;

    PlaybookRepository(MongoDatabase database) {
        this.collection = database.getCollection("playbooks", PlaybookDocument.class);
        collection.createIndex(Indexes.ascending(P + "teamId", P + "leaderId", P + "createdAt"));
    }

    void insert(Playbook playbook) {
        collection.insertOne(new PlaybookDocument(playbook.id(), playbook));
    }

    void delete(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }

    /** The playbook with this id, only if it belongs to the workspace (one named from another finds nothing). */
    Optional<Playbook> find(String teamId, String id) {
        return Optional.ofNullable(collection.find(ByKey.of(id, Filters.eq(P + "teamId", teamId)))
                .first()).map(PlaybookDocument::playbook);
    }

    /**
     * Stores {@code changed} as step {@code index} only if that step is still as {@code before} left it
     * (its status and check-in); false when something else changed it first.
     */
    boolean changeStep(String id, int index, Playbook.Step before, Playbook.Step changed) {
        String step = P + "steps." + index + ".";
        return collection.updateOne(ByKey.of(id,
                        Filters.eq(step + "status", before.status().name()),
                        Filters.eq(step + "checkInId", before.checkInId())),
                Updates.combine(Updates.set(step + "status", changed.status().name()),
                        Updates.set(step + "checkInId", changed.checkInId()),
                        Updates.set(step + "changedAt", changed.changedAt()))).getModifiedCount() == 1;
    }

    /** Stores every step of {@code after} that differs from {@code before}, only if none changed since it was read. */
    boolean changeSteps(Playbook before, Playbook after) {
        List<Bson> unchanged = new ArrayList<>(List.of(Filters.eq("_id", before.id())));
        List<Bson> sets = new ArrayList<>();
        for (int i = 0; i < before.steps().size(); i++) {
            Playbook.Step was = before.steps().get(i);
            Playbook.Step now = after.steps().get(i);
            if (!was.equals(now)) {
                String step = P + "steps." + i + ".";
                unchanged.add(Filters.eq(step + "status", was.status().name()));
                sets.add(Updates.set(step + "status", now.status().name()));
                sets.add(Updates.set(step + "changedAt", now.changedAt()));
            }
        }
        return sets.isEmpty() || collection.updateOne(Filters.and(unchanged), Updates.combine(sets))
                .getModifiedCount() == 1;
    }

    /** The leader's playbooks with a step still to come, newest first. */
    List<Playbook> runningLedBy(String teamId, String leaderId, int limit) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", leaderId),
                        RUNNING)).sort(Sorts.descending(P + "createdAt")).limit(limit)
                .map(PlaybookDocument::playbook).into(new ArrayList<>());
    }
}
