package org.alliance.recurring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.alliance.persistence.Pseudonyms;
import org.alliance.workspace.PersonalData;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Recurring check-ins a person leads or is asked in. Forgetting them takes them out of the series they
 * are asked in (a later round should not ask a pseudonym) and stops the series they lead; past rounds
 * are check-ins and are handled there.
 */
@Component
class SeriesPersonalData implements PersonalData {

    private static final String P = "series.";

    private final MongoCollection<Document> series;

    SeriesPersonalData(MongoDatabase database) {
        this.series = database.getCollection("series");
    }

    @Override
    public String section() {
        return "recurringCheckIns";
    }

    @Override
    public Object export(String teamId, String userId) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Document doc : series.find(Filters.and(Filters.eq(P + "teamId", teamId),
                Filters.or(Filters.eq(P + "leaderId", userId), Filters.eq(P + "userIds", userId))))) {
            Document s = doc.get("series", Document.class);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seriesId", s.getString("id"));
            row.put("youLeadIt", userId.equals(s.getString("leaderId")));
            row.put("purpose", s.getString("purpose"));
            row.put("cadence", s.getString("cadence"));
            row.put("status", s.getString("status"));
            row.put("createdAt", s.get("createdAt"));
            found.add(row);
        }
        return found.isEmpty() ? null : found;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        long left = series.updateMany(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "userIds", userId)),
                Updates.pull(P + "userIds", userId)).getModifiedCount();
        long stopped = series.updateMany(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", userId),
                Filters.ne(P + "status", SeriesStatus.STOPPED.name())),
                Updates.set(P + "status", SeriesStatus.STOPPED.name())).getModifiedCount();
        long renamed = Pseudonyms.replace(series, Filters.eq(P + "teamId", teamId), userId, pseudonym);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("recurring check-ins you were taken out of", left);
        counts.put("recurring check-ins you led stopped", stopped);
        counts.put("recurring check-ins now under a pseudonym", renamed);
        return new Erased(counts, java.util.Set.of());
    }
}
