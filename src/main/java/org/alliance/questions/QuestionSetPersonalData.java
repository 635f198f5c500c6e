package org.alliance.questions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.persistence.Pseudonyms;
import org.alliance.workspace.PersonalData;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Question sets a person saved. The workspace keeps using them: forgetting the person renames the author. */
@Component
class QuestionSetPersonalData implements PersonalData {

    private final MongoCollection<Document> sets;

    QuestionSetPersonalData(MongoDatabase database) {
        this.sets = database.getCollection("question_sets");
    }

    @Override
    public String section() {
        return "questionSets";
    }

    @Override
    public Object export(String teamId, String userId) {
        List<Document> saved = new ArrayList<>();
        for (Document set : sets.find(Filters.and(Filters.eq("teamId", teamId), Filters.eq("createdBy", userId)))) {
            set.remove("_id");
            saved.add(set);
        }
        return saved.isEmpty() ? null : saved;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        long renamed = Pseudonyms.replace(sets, Filters.eq("teamId", teamId), userId, pseudonym);
        return new Erased(Map.of("question sets now under a pseudonym", renamed), java.util.Set.of());
    }
}
