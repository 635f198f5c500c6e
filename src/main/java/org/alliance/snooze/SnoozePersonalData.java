package org.alliance.snooze;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.workspace.PersonalData;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** A snooze is the person's alone and counts for nobody else: forgetting them deletes it. */
@Component
class SnoozePersonalData implements PersonalData {

    private final MongoCollection<Document> snoozes;

    SnoozePersonalData(MongoDatabase database) {
        this.snoozes = database.getCollection("snoozes");
    }

    @Override
    public String section() {
        return "snooze";
    }

    @Override
    public Object export(String teamId, String userId) {
        Document snooze = snoozes.find(filter(teamId, userId)).first();
        if (snooze == null) {
            return null;
        }
        snooze.remove("_id");
        return snooze;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        return Erased.of("snoozes deleted", snoozes.deleteMany(filter(teamId, userId)).getDeletedCount());
    }

    private static org.bson.conversions.Bson filter(String teamId, String userId) {
        return Filters.and(Filters.eq("teamId", teamId), Filters.eq("userId", userId));
    }
}
