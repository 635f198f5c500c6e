package org.alliance.relationships;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.persistence.Pseudonyms;
import org.alliance.workspace.PersonalData;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Who checks in with a person and how often. Forgetting them keeps each relationship under a
 * pseudonym (its leader's counts stay) but stops drift alerts about it, either side: nobody can check
 * in with a pseudonym, nor be alerted as one.
 */
@Component
class RelationshipPersonalData implements PersonalData {

    private final MongoCollection<Document> relationships;

    RelationshipPersonalData(MongoDatabase database) {
        this.relationships = database.getCollection("relationships");
    }

    @Override
    public String section() {
        return "relationships";
    }

    @Override
    public Object export(String teamId, String userId) {
        List<Document> asPerson = new ArrayList<>();
        for (Document r : relationships.find(asPerson(teamId, userId))) {
            r.remove("_id");
            asPerson.add(r);
        }
        return asPerson.isEmpty() ? null : asPerson;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        Set<String> leaders = new HashSet<>();
        relationships.find(asPerson(teamId, userId)).forEach(r -> leaders.add(r.getString("leaderId")));
        leaders.remove(userId);
        relationships.updateMany(Filters.and(Filters.eq("teamId", teamId), Filters.or(Filters.eq("memberId", userId),
                Filters.eq("leaderId", userId))), com.mongodb.client.model.Updates.set("tracking", false));
        long renamed = Pseudonyms.replace(relationships, Filters.eq("teamId", teamId), userId, pseudonym);
        return new Erased(Map.of("relationships now under a pseudonym", renamed), leaders);
    }

    private static org.bson.conversions.Bson asPerson(String teamId, String userId) {
        return Filters.and(Filters.eq("teamId", teamId), Filters.eq("memberId", userId));
    }
}
