package org.alliance.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.alliance.persistence.ByKey;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.codecs.pojo.annotations.BsonId;
import org.springframework.stereotype.Repository;

/**
 * Scheduled work, one document per job. A claim is one atomic update that only matches work
 * that is due and unclaimed, or whose claim's lease ran out (its instance died mid-way). Which job
 * to try is read from {@link DueOrder}, kept in memory, so a poll reads one document, not all of them.
 */
@Repository
class JobRepository {

    enum Status { PENDING, CLAIMED, DONE, FAILED }

    /** States a job never leaves: swept once older than the keep-finished setting. */
    static final List<String> FINISHED = List.of(Status.DONE.name(), Status.FAILED.name());
    /** Claims tried in one call on jobs that turn out gone or moved (by another instance) before giving up till the next poll. */
    private static final int MISSES_PER_CLAIM = 100;

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
            .returnDocument(ReturnDocument.AFTER);
    private static final Bson ORDER_FIELDS = Projections.include("status", "dueAt", "leaseUntil");

    private final MongoCollection<JobDocument> collection;
    private final MongoCollection<Document> documents;
    private final DueOrder order = new DueOrder();

    JobRepository(MongoDatabase database) {
        this.collection = database.getCollection("jobs", JobDocument.class);
        this.documents = database.getCollection("jobs");
        collection.createIndex(Indexes.ascending("status", "dueAt"));
        collection.createIndex(Indexes.ascending("status", "leaseUntil"));
        collection.createIndex(Indexes.ascending("kind", "data.checkInId"));
        collection.createIndex(Indexes.ascending("status", "finishedAt"));
    }

    /** False when a job with that key exists already: scheduling is idempotent. */
    boolean insert(Job<?> job, Instant now) {
        try {
            collection.insertOne(document(job, now));
            order.put(job.key(), job.dueAt());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Stores many jobs in one write; those whose key exists already are left as they are (as
     * {@link #insert}). Returns how many were new.
     */
    int insertAll(List<Job<?>> batch, Instant now) {
        if (batch.isEmpty()) {
            return 0;
        }
        Set<Integer> existing = new HashSet<>();
        try {
            collection.insertMany(batch.stream().map(j -> document(j, now)).toList(),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(error.getIndex());
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (!existing.contains(i)) {
                order.put(batch.get(i).key(), batch.get(i).dueAt());
            }
        }
        return batch.size() - existing.size();
    }

    private static JobDocument document(Job<?> job, Instant now) {
        return new JobDocument(job.key(), job.teamId(), job.kind().name(), job.dueAt(),
                new Document(PayloadCodec.encode(job.payload())), Status.PENDING.name(), null, null, 0, now, null, null);
    }

    /** Jobs due and unclaimed (or whose lease ran out) as this instance knows them; up to 10,000. */
    double countDue(Instant now) {
        return order.countDue(now, 10_000);
    }

    /** Jobs in the in-memory order: pending and claimed ones this instance knows of, up to its horizon. */
    int known() {
        return order.size();
    }

    /**
     * Claims the job first due, by its {@code _id}, if the document still says it is claimable; a job
     * another instance took, moved or deleted is put back in the order as the document now says.
     */
    Optional<JobDocument> claim(String instance, Instant now, Instant leaseUntil) {
        for (int misses = 0; misses < MISSES_PER_CLAIM; misses++) {
            Optional<DueOrder.Entry> next = order.due(now);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            String key = next.get().key();
            JobDocument claimed = collection.findOneAndUpdate(ByKey.of(key, Filters.or(
                            Filters.and(Filters.eq("status", Status.PENDING.name()), Filters.lte("dueAt", now)),
                            Filters.and(Filters.eq("status", Status.CLAIMED.name()), Filters.lte("leaseUntil", now)))),
                    Updates.combine(Updates.set("status", Status.CLAIMED.name()), Updates.set("claimedBy", instance),
                            Updates.set("leaseUntil", leaseUntil), Updates.inc("attempts", 1)),
                    AFTER);
            if (claimed != null) {
                // Kept at its lease's end: should finishing it fail (an outage), this instance tries again then.
                order.put(key, leaseUntil);
                return Optional.of(claimed);
            }
            Document current = documents.find(Filters.eq("_id", key)).projection(ORDER_FIELDS).first();
            entry(current).ifPresentOrElse(e -> order.put(key, e.at()), () -> order.remove(key));
        }
        return Optional.empty();
    }

    /** Reads every unfinished job's key and time (one scan) and makes that the in-memory order. */
    void rebuildOrder() {
        rebuildOrder(Instant.MAX);
    }

    /**
     * Makes the in-memory order the unfinished jobs that may be claimed by {@code until} (one scan);
     * later ones stay in the database until a later rebuild. The server still reads every job, but
     * only the next few minutes of work cross the wire and stay in memory.
     */
    void rebuildOrder(Instant until) {
        Bson unfinished = Filters.in("status", Status.PENDING.name(), Status.CLAIMED.name());
        Bson filter = until.equals(Instant.MAX) ? unfinished : Filters.or(
                Filters.and(Filters.eq("status", Status.PENDING.name()), Filters.lte("dueAt", until)),
                Filters.and(Filters.eq("status", Status.CLAIMED.name()), Filters.lte("leaseUntil", until)));
        order.rebuild(() -> {
            List<DueOrder.Entry> entries = new ArrayList<>();
            for (Document doc : documents.find(filter).projection(ORDER_FIELDS)) {
                entry(doc).ifPresent(entries::add);
            }
            return entries;
        }, until);
    }

    /** Work after this is not in the in-memory order yet. */
    Instant orderHorizon() {
        return order.horizon();
    }

    private static Optional<DueOrder.Entry> entry(Document doc) {
        if (doc == null || !(doc.get("_id") instanceof String key)) {
            return Optional.empty();
        }
        Object at = Status.PENDING.name().equals(doc.get("status")) ? doc.get("dueAt")
                : Status.CLAIMED.name().equals(doc.get("status")) ? doc.get("leaseUntil") : null;
        // A time stored as anything but a date never matched the claim's query either.
        return at instanceof java.util.Date date ? Optional.of(new DueOrder.Entry(date.toInstant(), key))
                : Optional.empty();
    }

    /**
     * Deletes up to {@code batches} batches of {@code batchSize} finished jobs that finished before
     * {@code before}; returns how many it deleted. Batches keep each delete, and the poll it runs in, short.
     */
    long deleteFinished(Instant before, int batchSize, int batches) {
        long deleted = 0;
        for (int i = 0; i < batches; i++) {
            List<Object> keys = documents.find(Filters.and(Filters.in("status", FINISHED),
                            Filters.lt("finishedAt", before)))
                    .projection(Projections.include("_id")).limit(batchSize)
                    .map(d -> d.get("_id")).into(new ArrayList<>());
            if (keys.isEmpty()) {
                break;
            }
            deleted += documents.deleteMany(ByKey.all(keys, Filters.in("status", FINISHED)))
                    .getDeletedCount();
            if (keys.size() < batchSize) {
                break;
            }
        }
        return deleted;
    }

    /** Extends a claim still held by {@code instance}, so slow work (waiting out 429s) is not taken over. */
    void renew(String key, String instance, Instant leaseUntil) {
        if (collection.updateOne(ByKey.of(key, Filters.eq("claimedBy", instance),
                Filters.eq("status", Status.CLAIMED.name())), Updates.set("leaseUntil", leaseUntil))
                .getModifiedCount() > 0) {
            order.put(key, leaseUntil);
        }
    }

    /** Finishing only counts for the instance still holding the claim. */
    void finish(String key, String instance, Status status, String note, Instant now) {
        collection.updateOne(ByKey.of(key, Filters.eq("claimedBy", instance),
                        Filters.eq("status", Status.CLAIMED.name())),
                Updates.combine(Updates.set("status", status.name()), Updates.set("finishedAt", now),
                        Updates.set("note", note), Updates.unset("leaseUntil")));
        order.remove(key);
    }

    /**
     * Puts claimed work back for later. A deferral (outside working hours) is not a failed try,
     * so it gives back the attempt its claim counted; a retry after an error keeps it.
     */
    void reschedule(String key, String instance, Instant dueAt, String note, boolean failedTry) {
        collection.updateOne(ByKey.of(key, Filters.eq("claimedBy", instance),
                        Filters.eq("status", Status.CLAIMED.name())),
                Updates.combine(Updates.set("status", Status.PENDING.name()), Updates.set("dueAt", dueAt),
                        Updates.set("note", note), Updates.unset("leaseUntil"), Updates.unset("claimedBy"),
                        Updates.inc("attempts", failedTry ? 0 : -1)));
        order.put(key, dueAt);
    }

    /** Moves work not yet claimed; false when there is none under {@code key} (done, running or unknown). */
    boolean move(String key, Instant dueAt) {
        boolean moved = collection.updateOne(ByKey.of(key, Filters.eq("status", Status.PENDING.name())),
                Updates.set("dueAt", dueAt)).getModifiedCount() > 0;
        if (moved) {
            order.put(key, dueAt);
        }
        return moved;
    }

    List<JobDocument> pending(String kind, String dataKey, String dataValue) {
        return collection.find(Filters.and(Filters.eq("kind", kind), Filters.eq("data." + dataKey, dataValue),
                        Filters.in("status", Status.PENDING.name(), Status.CLAIMED.name())))
                .sort(Sorts.ascending("dueAt")).into(new ArrayList<>());
    }

    /**
     * Deletes every job of the workspace still waiting (one being run finishes as it goes); returns
     * how many. Deleted, not marked: work brought back later may reuse a key (a series' next round).
     * Each leaves this instance's order; other instances drop them at their next claim.
     */
    long deletePending(String teamId) {
        List<String> keys = documents.find(Filters.and(Filters.eq("teamId", teamId),
                        Filters.eq("status", Status.PENDING.name())))
                .projection(Projections.include("_id")).map(d -> String.valueOf(d.get("_id"))).into(new ArrayList<>());
        if (keys.isEmpty()) {
            return 0;
        }
        long deleted = documents.deleteMany(ByKey.all(keys, Filters.eq("status", Status.PENDING.name())))
                .getDeletedCount();
        keys.forEach(order::remove);
        return deleted;
    }

    Optional<JobDocument> find(String key) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", key)).first());
    }

    /** Deletes jobs of a kind by a payload field, whatever their state; a claimed one finishes into nothing. */
    long deleteAll(String kind, String dataKey, String dataValue) {
        return collection.deleteMany(Filters.and(Filters.eq("kind", kind), Filters.eq("data." + dataKey, dataValue)))
                .getDeletedCount();
    }
}
