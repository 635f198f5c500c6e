package org.alliance.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

@Repository
class QuestionSetRepository {

    public record QuestionDocument(String id, String text, String kind) {
    }

    public record QuestionSetDocument(@BsonId String id, String teamId, String key, String title, String objective,
                               List<QuestionDocument> questions, int position) {

        static QuestionSetDocument of(String teamId, QuestionSet set, int position) {
            return new QuestionSetDocument(teamId + ":" + set.key(), teamId, set.key(), set.title(), set.objective(),
                    set.questions().stream().map(q -> new QuestionDocument(q.id(), q.text(), q.kind().name())).toList(),
                    position);
        }

        QuestionSet toQuestionSet() {
            List<Question> list = new ArrayList<>();
            for (QuestionDocument q : questions) {
                list.add(new Question(q.id(), q.text(), QuestionKind.valueOf(q.kind())));
            }
            return new QuestionSet(key, title, objective, list);
        }
    }

    private final MongoCollection<QuestionSetDocument> collection;

    QuestionSetRepository(MongoDatabase database) {
        this.collection = database.getCollection("question_sets", QuestionSetDocument.class);
        collection.createIndex(Indexes.ascending("teamId", "position"));
    }

    /** Stores the set unless the workspace already has one with that key: a workspace's edits win. */
    void insertIfMissing(String teamId, QuestionSet set, int position) {
        QuestionSetDocument doc = QuestionSetDocument.of(teamId, set, position);
        if (collection.find(Filters.eq("_id", doc.id())).first() == null) {
            collection.replaceOne(Filters.eq("_id", doc.id()), doc, new ReplaceOptions().upsert(true));
        }
    }

    List<QuestionSet> all(String teamId) {
        return collection.find(Filters.eq("teamId", teamId)).sort(Sorts.ascending("position"))
                .map(QuestionSetDocument::toQuestionSet).into(new ArrayList<>());
    }

    Optional<QuestionSet> find(String teamId, String key) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", teamId + ":" + key)).first())
                .map(QuestionSetDocument::toQuestionSet);
    }
}
