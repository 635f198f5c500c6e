package org.alliance.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/**
 * Scheduled work, one document per job. A claim is one atomic update that only matches work
 * that is due and unclaimed, or whose claim's lease ran out (its instance died mid-way).
 */
@Repository
class JobRepository {

    enum Status { PENDING, CLAIMED, DONE, FAILED }

    /**
     * {@code data} holds the payload's fields as text. It is read as a plain document so that a field
     * stored as anything else fails only its own job, in {@link PayloadCodec}, not the whole claim.
     */
    public record JobDocument(@BsonId String key, String teamId, String kind, Instant dueAt, Document data,
                              String status, String claimedBy, Instant leaseUntil, int attempts, Instant createdAt,
                              Instant finishedAt, String note) {
        /** @throws PayloadCodec.Unreadable when the stored data doesn't make the kind's payload */
        <P extends Record> Job<P> job(JobKind<P> as) {
            if (!as.name().equals(kind)) {
                throw new IllegalArgumentException("job " + key + " is of kind " + kind + ", not " + as.name());
            }
            return new Job<>(key, teamId, as, dueAt, PayloadCodec.decode(as.payloadType(), data));
        }
    }

    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER).sort(Sorts.ascending("dueAt"));

    private final MongoCollection<JobDocument> collection;

    JobRepository(MongoDatabase database) {
        this.collection = database.getCollection("jobs", JobDocument.class);
        collection.createIndex(Indexes.ascending("status", "dueAt"));
        collection.createIndex(Indexes.ascending("status", "leaseUntil"));
        collection.createIndex(Indexes.ascending("kind", "data.checkInId"));
    }

    /** False when a job with that key exists already: scheduling is idempotent. */
    boolean insert(Job<?> job, Instant now) {
        try {
            collection.insertOne(new JobDocument(job.key(), job.teamId(), job.kind().name(), job.dueAt(),
                    new Document(PayloadCodec.encode(job.payload())),
                    Status.PENDING.name(), null, null, 0, now, null, null));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Pending jobs already due (a backlog); counted up to 10,000 so a scrape stays cheap. */
    double countDue(Instant now) {
        return collection.countDocuments(Filters.and(Filters.eq("status", Status.PENDING.name()),
                Filters.lte("dueAt", now)), new com.mongodb.client.model.CountOptions().limit(10_000));
    }

    Optional<JobDocument> claim(String instance, Instant now, Instant leaseUntil) {
        return Optional.ofNullable(collection.findOneAndUpdate(
                Filters.or(
                        Filters.and(Filters.eq("status", Status.PENDING.name()), Filters.lte("dueAt", now)),
                        Filters.and(Filters.eq("status", Status.CLAIMED.name()), Filters.lte("leaseUntil", now))),
                Updates.combine(Updates.set("status", Status.CLAIMED.name()), Updates.set("claimedBy", instance),
                        Updates.set("leaseUntil", leaseUntil), Updates.inc("attempts", 1)),
                AFTER));
    }

    /** Extends a claim still held by {@code instance}, so slow work (waiting out 429s) is not taken over. */
    void renew(String key, String instance, Instant leaseUntil) {
        collection.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("claimedBy", instance),
                Filters.eq("status", Status.CLAIMED.name())), Updates.set("leaseUntil", leaseUntil));
    }

    /** Finishing only counts for the instance still holding the claim. */
    void finish(String key, String instance, Status status, String note, Instant now) {
        collection.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("claimedBy", instance),
                        Filters.eq("status", Status.CLAIMED.name())),
                Updates.combine(Updates.set("status", status.name()), Updates.set("finishedAt", now),
                        Updates.set("note", note), Updates.unset("leaseUntil")));
    }

    /**
     * Puts claimed work back for later. A deferral (outside working hours) is not a failed try,
     * so it gives back the attempt its claim counted; a retry after an error keeps it.
     */
    void reschedule(String key, String instance, Instant dueAt, String note, boolean failedTry) {
        collection.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("claimedBy", instance),
                        Filters.eq("status", Status.CLAIMED.name())),
                Updates.combine(Updates.set("status", Status.PENDING.name()), Updates.set("dueAt", dueAt),
                        Updates.set("note", note), Updates.unset("leaseUntil"), Updates.unset("claimedBy"),
                        Updates.inc("attempts", failedTry ? 0 : -1)));
    }

    /** Moves work not yet claimed; false when there is none under {@code key} (done, running or unknown). */
    boolean move(String key, Instant dueAt) {
        return collection.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq("status", Status.PENDING.name())),
                Updates.set("dueAt", dueAt)).getModifiedCount() > 0;
    }

    List<JobDocument> pending(String kind, String dataKey, String dataValue) {
        return collection.find(Filters.and(Filters.eq("kind", kind), Filters.eq("data." + dataKey, dataValue),
                        Filters.in("status", Status.PENDING.name(), Status.CLAIMED.name())))
                .sort(Sorts.ascending("dueAt")).into(new ArrayList<>());
    }

    Optional<JobDocument> find(String key) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", key)).first());
    }

}
