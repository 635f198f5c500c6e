package org.alliance.workspace;

import java.time.Instant;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

@Repository
class WorkspaceRepository {

    public record WorkspaceDocument(@BsonId String teamId, String name, String botUserId, Instant connectedAt,
                             Instant uninstalledAt, Instant needsReinstallSince, String needsReinstallError) {
        Workspace toWorkspace() {
            return new Workspace(teamId, name, botUserId, connectedAt, uninstalledAt, needsReinstallSince,
                    needsReinstallError);
        }
    }

    private final MongoCollection<WorkspaceDocument> collection;

    WorkspaceRepository(MongoDatabase database) {
        this.collection = database.getCollection("workspaces", WorkspaceDocument.class);
    }

    /** Marks it installed and reachable; returns the workspace as it was before, if it was known. */
    Optional<Workspace> connected(String teamId, String name, String botUserId, Instant at) {
        return Optional.ofNullable(collection.findOneAndUpdate(Filters.eq("_id", teamId),
                Updates.combine(Updates.set("name", name), Updates.set("botUserId", botUserId),
                        Updates.set("connectedAt", at), Updates.unset("uninstalledAt"),
                        Updates.unset("needsReinstallSince"), Updates.unset("needsReinstallError")),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)))
                .map(WorkspaceDocument::toWorkspace);
    }

    void uninstalled(String teamId, Instant at) {
        collection.updateOne(Filters.eq("_id", teamId), Updates.set("uninstalledAt", at));
    }

    /** False when it was marked already (or is unknown): the first rejected call marks it, once. */
    boolean needsReinstall(String teamId, String error, Instant at) {
        return collection.updateOne(ByKey.of(teamId, Filters.eq("needsReinstallSince", null)),
                Updates.combine(Updates.set("needsReinstallSince", at), Updates.set("needsReinstallError", error)))
                .getModifiedCount() > 0;
    }

    Optional<Workspace> find(String teamId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", teamId)).first()).map(WorkspaceDocument::toWorkspace);
    }
}
