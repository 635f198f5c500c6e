package org.alliance.install;

import java.util.LinkedHashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.alliance.workspace.PersonalData;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Who installed the app is kept with the install (Slack reports it); forgetting that person puts
 * the pseudonym there, as everywhere else. Tokens are the workspace's, not the person's, and stay.
 */
@Component
class InstallPersonalData implements PersonalData {

    private final MongoCollection<Document> installations;

    InstallPersonalData(MongoDatabase database) {
        this.installations = database.getCollection("installations");
    }

    @Override
    public String section() {
        return "installs";
    }

    @Override
    public Object export(String teamId, String userId) {
        Document install = installations.find(filter(teamId, userId)).first();
        if (install == null) {
            return null;
        }
        Map<String, Object> mine = new LinkedHashMap<>();
        mine.put("installedTheAppIn", install.getBoolean("enterpriseInstall", false)
                ? install.getString("enterpriseName") : install.getString("teamName"));
        mine.put("installedAt", install.getDate("installedAt"));
        return mine;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        return Erased.of("installs made anonymous",
                installations.updateMany(filter(teamId, userId), Updates.set("installerUserId", pseudonym))
                        .getModifiedCount());
    }

    private static Bson filter(String teamId, String userId) {
        return Filters.and(Filters.eq("installerUserId", userId),
                Filters.or(Filters.eq("teamId", teamId), Filters.eq("teamIds", teamId)));
    }
}
