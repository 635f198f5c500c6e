package org.alliance.home;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.alliance.workspace.PersonalData;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** When a person first and last opened their Home; only theirs, so forgetting them deletes it. */
@Component
class HomePersonalData implements PersonalData {

    private final MongoCollection<Document> openers;

    HomePersonalData(MongoDatabase database) {
        this.openers = database.getCollection("home_openers");
    }

    @Override
    public String section() {
        return "home";
    }

    @Override
    public Object export(String teamId, String userId) {
        Document opened = openers.find(filter(teamId, userId)).first();
        if (opened == null) {
            return null;
        }
        opened.remove("_id");
        return opened;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        return Erased.of("Home visits forgotten", openers.deleteMany(filter(teamId, userId)).getDeletedCount());
    }

    private static org.bson.conversions.Bson filter(String teamId, String userId) {
        return Filters.and(Filters.eq("teamId", teamId), Filters.eq("userId", userId));
    }
}
