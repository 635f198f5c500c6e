package org.alliance.workspace;

import java.time.Instant;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

@Repository
class WorkspaceRepository {

    public record WorkspaceDocument(@BsonId String teamId, String name, String botUserId, Instant connectedAt,
                             Instant uninstalledAt) {
        Workspace toWorkspace() {
            return new Workspace(teamId, name, botUserId, connectedAt, uninstalledAt);
        }
    }

    private final MongoCollection<WorkspaceDocument> collection;

    WorkspaceRepository(MongoDatabase database) {
        this.collection = database.getCollection("workspaces", WorkspaceDocument.class);
    }

    void connected(String teamId, String name, String botUserId, Instant at) {
        collection.updateOne(Filters.eq("_id", teamId),
                Updates.combine(Updates.set("name", name), Updates.set("botUserId", botUserId),
                        Updates.set("connectedAt", at), Updates.unset("uninstalledAt")),
                new UpdateOptions().upsert(true));
    }

    void uninstalled(String teamId, Instant at) {
        collection.updateOne(Filters.eq("_id", teamId), Updates.set("uninstalledAt", at));
    }

    Optional<Workspace> find(String teamId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", teamId)).first()).map(WorkspaceDocument::toWorkspace);
    }
}
