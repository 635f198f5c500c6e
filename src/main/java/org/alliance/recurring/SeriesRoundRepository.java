package org.alliance.recurring;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/**
 * Which check-in each round of a series started, kept beside the series so the check-in itself
 * needs no field for it. Rounds started before this link existed have no entry here.
 */
@Repository
class SeriesRoundRepository {

    /**
     * Keyed by the round's check-in id: a check-in belongs to one round only. {@code occurrence} is
     * the round's local time, each person's own (null for rounds linked before it was stored).
     */
    public record SeriesRound(@BsonId String checkInId, String teamId, String seriesId, int round,
                              LocalDateTime occurrence) {
    }

    private final MongoCollection<SeriesRound> collection;

    SeriesRoundRepository(MongoDatabase database) {
        this.collection = database.getCollection("seriesRounds", SeriesRound.class);
        collection.createIndex(Indexes.ascending("seriesId", "round"));
    }

    void add(SeriesRound round) {
        collection.replaceOne(Filters.eq("_id", round.checkInId()), round, new ReplaceOptions().upsert(true));
    }

    /** Newest round first. */
    List<SeriesRound> of(String seriesId, int limit) {
        return collection.find(Filters.eq("seriesId", seriesId)).sort(Sorts.descending("round")).limit(limit)
                .into(new ArrayList<>());
    }

    Optional<SeriesRound> find(String checkInId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", checkInId)).first());
    }

    boolean linked(String checkInId) {
        return collection.find(Filters.eq("_id", checkInId)).first() != null;
    }
}
