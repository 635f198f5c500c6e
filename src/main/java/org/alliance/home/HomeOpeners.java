package org.alliance.home;

import java.time.Instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Who has opened Home, per workspace: only they get it republished when something changes, so
 * people who never look at it cost no Slack calls. Keyed by team and user, one lookup by id.
 */
@Repository
class HomeOpeners {

    private final MongoCollection<Document> collection;

    HomeOpeners(MongoDatabase database) {
        this.collection = database.getCollection("home_openers");
    }

    private static String id(String teamId, String userId) {
        return teamId + ":" + userId;
    }

    void opened(String teamId, String userId, Instant at) {
        collection.updateOne(Filters.eq("_id", id(teamId, userId)), Updates.combine(
                        Updates.setOnInsert("teamId", teamId), Updates.setOnInsert("userId", userId),
                        Updates.setOnInsert("firstOpenedAt", at), Updates.set("lastOpenedAt", at)),
                new UpdateOptions().upsert(true));
    }

    boolean hasOpened(String teamId, String userId) {
        return collection.find(Filters.eq("_id", id(teamId, userId))).limit(1).first() != null;
    }
}
