package org.alliance.questions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The {@code question_sets} collection: each workspace's copy of the built-in purposes, and the sets its
 * people saved ({@code createdBy} set). One document per team and key, so a key is unique in a workspace.
 */
@Repository
class QuestionSetRepository {

    /** Saved sets come after the built-in purposes, which take the first positions. */
    static final int SAVED_POSITION = 1000;

    /** {@code anonymous} is absent (null) in documents stored before questions could be anonymous. */
    public record QuestionDocument(String id, String text, String kind, Boolean anonymous) {
    }

    public record QuestionSetDocument(@BsonId String id, String teamId, String key, String title, String objective,
                               List<QuestionDocument> questions, int position, String createdBy, Instant createdAt,
                               Instant updatedAt) {

        static QuestionSetDocument of(String teamId, QuestionSet set, int position) {
            return of(teamId, set, position, null, null, null);
        }

        static QuestionSetDocument of(String teamId, QuestionSet set, int position, String createdBy,
                                      Instant createdAt, Instant updatedAt) {
            return new QuestionSetDocument(idOf(teamId, set.key()), teamId, set.key(), set.title(), set.objective(),
                    set.questions().stream().map(q -> new QuestionDocument(q.id(), q.text(), q.kind().name(),
                            q.isAnonymous())).toList(),
                    position, createdBy, createdAt, updatedAt);
        }

        QuestionSet toQuestionSet() {
            List<Question> list = new ArrayList<>();
            for (QuestionDocument q : questions) {
                list.add(new Question(q.id(), q.text(), QuestionKind.valueOf(q.kind()), q.anonymous()));
            }
            return new QuestionSet(key, title, objective, list);
        }

        StoredSet toStored() {
            return new StoredSet(toQuestionSet(), createdBy, createdAt, updatedAt);
        }
    }

    private final MongoCollection<QuestionSetDocument> collection;

    QuestionSetRepository(MongoDatabase database) {
        this.collection = database.getCollection("question_sets", QuestionSetDocument.class);
        collection.createIndex(Indexes.ascending("teamId", "position"));
        collection.createIndex(Indexes.ascending("teamId", "key"), new IndexOptions().unique(true));
    }

    private static String idOf(String teamId, String key) {
        return teamId + ":" + key;
    }

    /** Stores the set unless the workspace already has one with that key: a workspace's edits win. */
    void insertIfMissing(String teamId, QuestionSet set, int position) {
        QuestionSetDocument doc = QuestionSetDocument.of(teamId, set, position);
        if (collection.find(Filters.eq("_id", doc.id())).first() == null) {
            collection.replaceOne(Filters.eq("_id", doc.id()), doc, new ReplaceOptions().upsert(true));
        }
    }

    List<QuestionSet> all(String teamId) {
        return stored(teamId).stream().map(StoredSet::set).toList();
    }

    /** Built-in purposes first, then saved sets by key. */
    List<StoredSet> stored(String teamId) {
        return collection.find(Filters.eq("teamId", teamId)).sort(Sorts.ascending("position", "key"))
                .map(QuestionSetDocument::toStored).into(new ArrayList<>());
    }

    Optional<QuestionSet> find(String teamId, String key) {
        return findStored(teamId, key).map(StoredSet::set);
    }

    Optional<StoredSet> findStored(String teamId, String key) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", idOf(teamId, key))).first())
                .map(QuestionSetDocument::toStored);
    }

    /** False when the workspace already has a set with that key. */
    boolean insertSaved(String teamId, QuestionSet set, String userId, Instant now) {
        try {
            collection.insertOne(QuestionSetDocument.of(teamId, set, SAVED_POSITION, userId, now, now));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Replaces a saved set, only if {@code userId} made it; false when there is no such set of theirs. */
    boolean replaceSaved(String teamId, QuestionSet set, String userId, Instant createdAt, Instant now) {
        return collection.replaceOne(ownedBy(teamId, set.key(), userId),
                QuestionSetDocument.of(teamId, set, SAVED_POSITION, userId, createdAt, now)).getMatchedCount() == 1;
    }

    /** Deletes a saved set, only if {@code userId} made it; false when there is no such set of theirs. */
    boolean deleteSaved(String teamId, String key, String userId) {
        return collection.deleteOne(ownedBy(teamId, key, userId)).getDeletedCount() == 1;
    }

    private static Bson ownedBy(String teamId, String key, String userId) {
        return ByKey.of(idOf(teamId, key), Filters.eq("createdBy", userId));
    }
}
