package org.alliance.uninstall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Deletes everything of one workspace from every collection in the database, by the conventions
 * every stored document follows, so a feature that adds a collection is purged without registering
 * anything: a document belongs to a workspace when its {@code teamId} field, or the {@code teamId}
 * of the one record it wraps ({@code {_id, checkIn: {teamId, ...}}}), is the team id, or when its
 * {@code _id} is the team id ({@code workspaces}) or starts with it and a colon
 * ({@code T0123:U0456}, {@code T0123:C01:1700000000.000100}). {@code jobs} goes last: should the
 * purge fail half-way, its own job is still there to try again.
 */
@Repository
class TeamDataPurge {

    /** Slack team and enterprise ids: anything else is not matched by prefix (it would need escaping). */
    private static final Pattern TEAM_ID = Pattern.compile("[A-Z0-9]+");
    /** Documents read per collection to find the records its documents wrap. */
    private static final int SAMPLE = 20;

    private final MongoDatabase database;

    TeamDataPurge(MongoDatabase database) {
        this.database = database;
    }

    /** How many documents it deleted from each collection that had any. */
    Map<String, Long> purge(String teamId) {
        List<String> names = database.listCollectionNames().into(new ArrayList<>());
        names.removeIf(n -> n.startsWith("system."));
        // The jobs collection holds this purge's own job: last, so a failure before it leaves the job to retry.
        if (names.remove("jobs")) {
            names.add("jobs");
        }
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (String name : names) {
            MongoCollection<Document> collection = database.getCollection(name);
            long count = collection.deleteMany(ofTeam(collection, teamId)).getDeletedCount();
            if (count > 0) {
                deleted.put(name, count);
            }
        }
        return deleted;
    }

    private static Bson ofTeam(MongoCollection<Document> collection, String teamId) {
        List<Bson> any = new ArrayList<>();
        any.add(Filters.eq("_id", teamId));
        for (String path : teamIdPaths(collection)) {
            any.add(Filters.eq(path, teamId));
        }
        if (TEAM_ID.matcher(teamId).matches()) {
            any.add(Filters.regex("_id", "^" + teamId + ":"));
        }
        return Filters.or(any);
    }

    /** {@code teamId}, and {@code <field>.teamId} for each top-level field holding a record with one. */
    private static Set<String> teamIdPaths(MongoCollection<Document> collection) {
        Set<String> paths = new LinkedHashSet<>();
        paths.add("teamId");
        for (Document doc : collection.find().limit(SAMPLE)) {
            doc.forEach((field, value) -> {
                if (value instanceof Document nested && nested.containsKey("teamId")) {
                    paths.add(field + ".teamId");
                }
            });
        }
        return paths;
    }
}
