package org.alliance.commitments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * Commitments made to a person (with their "Did it help?" answer) and made by them. The words are the
 * leader's, so forgetting the person keeps them, under a pseudonym, and keeps the ratings the leader's
 * follow-through score counts.
 */
@Component
class CommitmentPersonalData implements PersonalData {

    private static final String P = "commitment.";

    private final MongoCollection<Document> commitments;

    CommitmentPersonalData(MongoDatabase database) {
        this.commitments = database.getCollection("commitments");
    }

    @Override
    public String section() {
        return "commitments";
    }

    @Override
    public Object export(String teamId, String userId) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("madeToYou", find(teamId, "memberId", userId));
        section.put("madeByYou", find(teamId, "leaderId", userId));
        return section;
    }

    private List<Document> find(String teamId, String field, String userId) {
        return commitments.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + field, userId)))
                .map(d -> d.get("commitment", Document.class)).into(new ArrayList<>());
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        Set<String> leaders = new HashSet<>();
        find(teamId, "memberId", userId).forEach(c -> leaders.add(c.getString("leaderId")));
        leaders.remove(userId);
        long renamed = Pseudonyms.replace(commitments, Filters.eq(P + "teamId", teamId), userId, pseudonym);
        return new Erased(Map.of("commitments now under a pseudonym", renamed), leaders);
    }
}
