package org.alliance.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.persistence.Pseudonyms;
import org.alliance.workspace.PersonalData;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Jobs that name a person (in their key or payload): reminders for them, nudges about their answer,
 * alerts for them as a leader. Forgetting someone drops them all rather than renaming them: each
 * would only try to reach, or speak of, a person who asked to be forgotten.
 */
@Component
class JobsPersonalData implements PersonalData {

    private final MongoCollection<Document> jobs;

    JobsPersonalData(MongoDatabase database) {
        this.jobs = database.getCollection("jobs");
    }

    @Override
    public String section() {
        return "scheduledWork";
    }

    @Override
    public Object export(String teamId, String userId) {
        List<Map<String, Object>> naming = new ArrayList<>();
        for (Document job : naming(teamId, userId)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", job.getString("kind"));
            row.put("status", job.getString("status"));
            row.put("dueAt", job.get("dueAt"));
            naming.add(row);
        }
        return naming.isEmpty() ? null : naming;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        List<Object> keys = naming(teamId, userId).stream().map(d -> d.get("_id")).toList();
        long dropped = keys.isEmpty() ? 0 : jobs.deleteMany(Filters.in("_id", keys)).getDeletedCount();
        return Erased.of("scheduled reminders and notices dropped", dropped);
    }

    private List<Document> naming(String teamId, String userId) {
        List<Document> found = new ArrayList<>();
        for (Document job : jobs.find(Filters.eq("teamId", teamId))) {
            if (Pseudonyms.holds(job, userId)) {
                found.add(job);
            }
        }
        return found;
    }
}
