package org.alliance.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler;
import org.alliance.schedule.JobKind;
import org.alliance.schedule.Schedule;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erases answers older than {@code alliance.retention.answers}, once a day: the text of every answer and
 * reason for skipping in check-ins that ended longer ago than that. As with forget-me, each response
 * stays (who was asked, whether they answered, when), so past counts and follow-through scores stay true.
 * Each day's run puts the next day's on the schedule; the key names the day, so instances agree.
 */
@Component
class AnswerRetention implements JobHandler<AnswerRetention.Purge> {

    /** The day (UTC) a purge is for. Stored: the component name must not change. */
    record Purge(LocalDate day) {
    }

    static final JobKind<Purge> KIND = new JobKind<>("retention.answers", Purge.class);
    private static final Logger log = LoggerFactory.getLogger(AnswerRetention.class);
    private static final int BATCH = 500;

    private final AnswerRetentionSettings settings;
    private final Schedule schedule;
    private final Clock clock;
    private final MongoCollection<Document> checkIns;
    private final MongoCollection<Document> responses;

    AnswerRetention(AnswerRetentionSettings settings, Schedule schedule, Clock clock, MongoDatabase database) {
        this.settings = settings;
        this.schedule = schedule;
        this.clock = clock;
        this.checkIns = database.getCollection("checkins");
        this.responses = database.getCollection("responses");
        checkIns.createIndex(Indexes.ascending("checkIn.closedAt"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (settings.maxAge().isEmpty()) {
            return;
        }
        try {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            schedule.add(new Job<>(KIND.key(today), null, KIND, clock.instant(), new Purge(today)));
        } catch (RuntimeException e) {
            log.error("Could not schedule the purge of old answers: {}", e.getMessage(), e);
        }
    }

    @Override
    public JobKind<Purge> kind() {
        return KIND;
    }

    @Override
    public Outcome run(Job<Purge> job) {
        if (settings.maxAge().isEmpty()) {
            return Outcome.skipped("answers are kept (alliance.retention.answers is not set)");
        }
        // From today, not from the job's day: after a long stop the missed days need no runs of their own.
        LocalDate next = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
        schedule.add(new Job<>(KIND.key(next), null, KIND, next.atStartOfDay(ZoneOffset.UTC).toInstant(),
                new Purge(next)));
        long erased = purge(clock.instant().minus(settings.maxAge().get()));
        log.info("Erased the answers of {} responses to check-ins ended before the retention limit", erased);
        return Outcome.done();
    }

    /** Erases the answers of check-ins that ended before {@code before}; returns how many responses changed. */
    long purge(Instant before) {
        long erased = 0;
        List<String> ids = new ArrayList<>(BATCH);
        for (Document doc : checkIns.find(Filters.and(Filters.ne("checkIn.closedAt", null),
                Filters.lt("checkIn.closedAt", before))).projection(Projections.include("_id"))) {
            ids.add(doc.getString("_id"));
            if (ids.size() == BATCH) {
                erased += erase(ids);
                ids.clear();
            }
        }
        return ids.isEmpty() ? erased : erased + erase(ids);
    }

    private long erase(List<String> checkInIds) {
        return responses.updateMany(Filters.and(Filters.in("response.checkInId", checkInIds),
                        Filters.or(Filters.ne("response.answers", new Document()), Filters.ne("response.skipReason", null))),
                Updates.combine(Updates.set("response.answers", new Document()), Updates.unset("response.skipReason")))
                .getModifiedCount();
    }

}
