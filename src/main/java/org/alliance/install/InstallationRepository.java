package org.alliance.install;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * One document per install in {@code installations}: a workspace's under its team id, an org-wide
 * (Enterprise Grid) install's under its enterprise id, listing in {@code teamIds} the workspaces of
 * the org the bot has heard from. Tokens are stored sealed, never in plain text.
 */
@Repository
class InstallationRepository {

    public record InstallationDocument(@BsonId String id, String teamId, String teamName, String enterpriseId,
                                       String enterpriseName, boolean enterpriseInstall, String appId, String botId,
                                       String botUserId, String botScopes, String installerUserId,
                                       SealedValue botToken, SealedValue botRefreshToken, Instant botTokenExpiresAt,
                                       List<String> teamIds, Instant installedAt, Instant updatedAt) {
        InstallationDocument withTokens(SealedValue token, SealedValue refresh, Instant expiresAt, Instant at) {
            return new InstallationDocument(id, teamId, teamName, enterpriseId, enterpriseName, enterpriseInstall,
                    appId, botId, botUserId, botScopes, installerUserId, token, refresh, expiresAt, teamIds,
                    installedAt, at);
        }

        InstallationDocument withTeamIds(List<String> known) {
            return new InstallationDocument(id, teamId, teamName, enterpriseId, enterpriseName, enterpriseInstall,
                    appId, botId, botUserId, botScopes, installerUserId, botToken, botRefreshToken, botTokenExpiresAt,
                    known, installedAt, updatedAt);
        }
    }

    private final MongoCollection<InstallationDocument> collection;

    InstallationRepository(MongoDatabase database) {
        this.collection = database.getCollection("installations", InstallationDocument.class);
        // The _id is the key every lookup uses; an org's workspaces are found through teamIds.
        collection.createIndex(new org.bson.Document("teamIds", 1));
    }

    /** Stores an install, replacing an earlier one of the same workspace or org (a reinstall). */
    void save(InstallationDocument document) {
        List<String> known = new ArrayList<>(document.teamIds() == null ? List.of() : document.teamIds());
        find(document.id()).map(InstallationDocument::teamIds).ifPresent(earlier -> earlier.stream()
                .filter(t -> !known.contains(t)).forEach(known::add));
        collection.replaceOne(Filters.eq("_id", document.id()), document.withTeamIds(known),
                new ReplaceOptions().upsert(true));
    }

    Optional<InstallationDocument> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first());
    }

    /** The workspace's own install, else the org-wide install that has seen it. */
    Optional<InstallationDocument> findForTeam(String teamId) {
        return find(teamId).or(() -> Optional.ofNullable(
                collection.find(Filters.and(Filters.eq("enterpriseInstall", true), Filters.eq("teamIds", teamId))).first()));
    }

    /** False when the install already listed it (another request or instance added it first). */
    boolean addTeam(String installId, String teamId) {
        return collection.updateOne(Filters.eq("_id", installId), Updates.addToSet("teamIds", teamId))
                .getModifiedCount() == 1;
    }

    /**
     * Replaces the tokens only while the stored token is still {@code expected}, so a re-encryption
     * or refresh never overwrites a newer token another instance stored meanwhile.
     */
    boolean replaceTokens(String id, SealedValue expected, SealedValue token, SealedValue refresh, Instant expiresAt,
                          Instant at) {
        Bson filter = expected == null ? Filters.eq("_id", id)
                : ByKey.of(id, Filters.eq("botToken.data", expected.data()));
        return collection.updateOne(filter, Updates.combine(Updates.set("botToken", token),
                Updates.set("botRefreshToken", refresh), Updates.set("botTokenExpiresAt", expiresAt),
                Updates.set("updatedAt", at))).getModifiedCount() == 1;
    }

    boolean delete(String id) {
        return collection.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    long count() {
        return collection.countDocuments();
    }

    List<InstallationDocument> expiringBefore(Instant before) {
        return collection.find(Filters.and(Filters.ne("botRefreshToken", null), Filters.lt("botTokenExpiresAt", before)))
                .into(new ArrayList<>());
    }

    List<InstallationDocument> all() {
        return collection.find().into(new ArrayList<>());
    }
}
