package org.alliance.recurring;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.alliance.persistence.ByKey;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

@Repository
class SeriesRepository {

    public record SeriesDocument(@BsonId String id, Series series) {
    }

    private static final String P = "series.";
    private static final Bson RUNNING = Filters.in(P + "status", SeriesStatus.ACTIVE.name(), SeriesStatus.PAUSED.name());

    private final MongoCollection<SeriesDocument> collection;

    SeriesRepository(MongoDatabase database) {
        this.collection = database.getCollection("series", SeriesDocument.class);
        collection.createIndex(Indexes.ascending(P + "teamId", P + "leaderId", P + "createdAt"));
        // Home's running series: a leader's stopped ones are never read for it.
        collection.createIndex(Indexes.ascending(P + "teamId", P + "leaderId", P + "status", P + "createdAt"));
    }

    void insert(Series series) {
        collection.insertOne(new SeriesDocument(series.id(), series));
    }

    void delete(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }

    /** The series with this id, only if it belongs to the workspace (one named from another finds nothing). */
    Optional<Series> find(String teamId, String id) {
        return Optional.ofNullable(collection.find(ByKey.of(id, Filters.eq(P + "teamId", teamId)))
                .first()).map(SeriesDocument::series);
    }

    /** Moves a series on to its next round, only from the occurrence the caller ran: a round never starts twice. */
    Optional<Series> advance(String id, LocalDateTime ran, LocalDateTime next) {
        return Optional.ofNullable(collection.findOneAndUpdate(
                ByKey.of(id, Filters.eq(P + "next", ran)),
                Updates.combine(Updates.set(P + "next", next), Updates.inc(P + "rounds", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(SeriesDocument::series);
    }

    /** Stores an edit, only if no round started since it was read (the round would have moved {@code next} on). */
    boolean edit(LocalDateTime readNext, Series edited) {
        UpdateResult result = collection.updateOne(ByKey.of(edited.id(),
                        Filters.eq(P + "next", readNext)),
                Updates.combine(Updates.set(P + "userIds", edited.userIds()), Updates.set(P + "purpose",
                        edited.purpose()), Updates.set(P + "cadence", edited.cadence()),
                        Updates.set(P + "at", edited.at()), Updates.set(P + "next", edited.next())));
        return result.getMatchedCount() == 1;
    }

    void setStatus(String id, SeriesStatus status) {
        collection.updateOne(Filters.eq("_id", id), Updates.set(P + "status", status.name()));
    }

    void setNext(String id, LocalDateTime next) {
        collection.updateOne(Filters.eq("_id", id), Updates.set(P + "next", next));
    }

    /** The leader's series that still have people in them: active or paused. */
    List<Series> running(String teamId, String leaderId) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", leaderId),
                RUNNING)).map(SeriesDocument::series).into(new ArrayList<>());
    }

    /** The workspace's active series (not paused or stopped). */
    List<Series> active(String teamId) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId),
                Filters.eq(P + "status", SeriesStatus.ACTIVE.name()))).map(SeriesDocument::series).into(new ArrayList<>());
    }

    /** Who leads a running series in the workspace. */
    Set<String> runningLeaders(String teamId) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), RUNNING))
                .map(d -> d.series().leaderId()).into(new HashSet<>());
    }

    List<Series> ledBy(String teamId, String leaderId) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", leaderId)))
                .sort(Sorts.descending(P + "createdAt")).limit(20).map(SeriesDocument::series).into(new ArrayList<>());
    }

    /** The leader's active and paused series, newest first. */
    List<Series> runningLedBy(String teamId, String leaderId, int limit) {
        return collection.find(Filters.and(Filters.eq(P + "teamId", teamId), Filters.eq(P + "leaderId", leaderId),
                        Filters.in(P + "status", SeriesStatus.ACTIVE.name(), SeriesStatus.PAUSED.name())))
                .sort(Sorts.descending(P + "createdAt")).limit(limit).map(SeriesDocument::series)
                .into(new ArrayList<>());
    }
}
