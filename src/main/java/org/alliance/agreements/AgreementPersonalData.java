package org.alliance.agreements;

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
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Agreements a person is part of, as leader or as the person. The points are the leader's words and
 * stay, under a pseudonym; the changes the person suggested are their words and are erased.
 */
@Component
class AgreementPersonalData implements PersonalData {

    private static final String P = "agreement.";

    private final MongoCollection<Document> agreements;

    AgreementPersonalData(MongoDatabase database) {
        this.agreements = database.getCollection("agreements");
    }

    @Override
    public String section() {
        return "agreements";
    }

    @Override
    public Object export(String teamId, String userId) {
        List<Document> theirs = agreements.find(partOf(teamId, userId)).map(d -> d.get("agreement", Document.class))
                .into(new ArrayList<>());
        return theirs.isEmpty() ? null : theirs;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        Set<String> leaders = new HashSet<>();
        long suggestions = 0;
        for (Document doc : agreements.find(Filters.and(Filters.eq(P + "teamId", teamId),
                Filters.eq(P + "memberId", userId)))) {
            Document agreement = doc.get("agreement", Document.class);
            leaders.add(agreement.getString("leaderId"));
            List<Document> versions = agreement.getList("versions", Document.class, List.of());
            for (Document v : versions) {
                if (v.get("suggestion") != null) {
                    v.put("suggestion", null);
                    suggestions++;
                }
            }
            agreements.replaceOne(Filters.eq("_id", doc.get("_id")), doc);
        }
        leaders.remove(userId);
        long renamed = Pseudonyms.replace(agreements, Filters.eq(P + "teamId", teamId), userId, pseudonym);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("suggested changes to agreements erased", suggestions);
        counts.put("agreements now under a pseudonym", renamed);
        return new Erased(counts, leaders);
    }

    private static Bson partOf(String teamId, String userId) {
        return Filters.and(Filters.eq(P + "teamId", teamId),
                Filters.or(Filters.eq(P + "leaderId", userId), Filters.eq(P + "memberId", userId)));
    }
}
