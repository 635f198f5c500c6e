package org.alliance.playbooks;

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
 * Playbooks a person leads or is asked in. Forgetting them takes them out of the playbooks they are
 * asked in and stops the steps still planned in those they lead; started steps are check-ins.
 */
@Component
class PlaybookPersonalData implements PersonalData {

    private static final String P = "playbook.";

    private final MongoCollection<Document> playbooks;

    PlaybookPersonalData(MongoDatabase database) {
        this.playbooks = database.getCollection("playbooks");
    }

    @Override
    public String section() {
        return "playbooks";
    }

    @Override
    public Object export(String teamId, String userId) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Document doc : playbooks.find(Filters.and(Filters.eq(P + "teamId", teamId),
                Filters.or(Filters.eq(P + "leaderId", userId), Filters.eq(P + "userIds", userId))))) {
            Document p = doc.get("playbook", Document.class);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("playbookId", p.getString("id"));
            row.put("youLeadIt", userId.equals(p.getString("leaderId")));
            row.put("purpose", p.getString("purpose"));
            row.put("createdAt", p.get("createdAt"));
            found.add(row);
        }
        return found.isEmpty() ? null : found;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        long left = playbooks.updateMany(Filters.and(Filters.eq(P + "teamId", teamId),
                Filters.eq(P + "userIds", userId)), Updates.pull(P + "userIds", userId)).getModifiedCount();
        long stopped = 0;
        for (Document doc : playbooks.find(Filters.and(Filters.eq(P + "teamId", teamId),
                Filters.eq(P + "leaderId", userId)))) {
            boolean changed = false;
            for (Document step : doc.get("playbook", Document.class).getList("steps", Document.class, List.of())) {
                if (Playbook.StepStatus.PLANNED.name().equals(step.getString("status"))) {
                    step.put("status", Playbook.StepStatus.STOPPED.name());
                    changed = true;
                }
            }
            if (changed) {
                playbooks.replaceOne(Filters.eq("_id", doc.get("_id")), doc);
                stopped++;
            }
        }
        long renamed = Pseudonyms.replace(playbooks, Filters.eq(P + "teamId", teamId), userId, pseudonym);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("playbooks you were taken out of", left);
        counts.put("playbooks you led stopped", stopped);
        counts.put("playbooks now under a pseudonym", renamed);
        return new Erased(counts, java.util.Set.of());
    }
}
