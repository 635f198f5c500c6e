package org.alliance.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.alliance.support.InMemoryMongo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Many jobs stored in one write: as idempotent as one at a time, and claimable at once. */
class JobBatchTest {

    private static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");

    record Ping(String name) {
    }

    private final JobKind<Ping> kind = new JobKind<>("test.ping", Ping.class);
    private final JobRepository jobs = new JobRepository(InMemoryMongo.freshDatabase());

    @Test
    void aBatchStoresTheNewJobsLeavesExistingOnesAsTheyAreAndTheyComeDueInOrder() {
        assertThat(jobs.insert(job("b", NOW.minusSeconds(20)), NOW)).isTrue();

        int added = jobs.insertAll(List.of(job("a", NOW.minusSeconds(30)), job("b", NOW.plus(Duration.ofDays(1))),
                job("c", NOW.minusSeconds(10)), job("later", NOW.plusSeconds(60))), NOW);

        assertThat(added).isEqualTo(3);
        // b keeps its first due time; the batch's own jobs are claimable without a rebuild of the order.
        List<String> claimed = new ArrayList<>();
        for (Optional<JobRepository.JobDocument> next = jobs.claim("me", NOW, NOW.plusSeconds(300)); next.isPresent();
             next = jobs.claim("me", NOW, NOW.plusSeconds(300))) {
            claimed.add(next.get().key());
        }
        assertThat(claimed).containsExactly(kind.key("a"), kind.key("b"), kind.key("c"));
        assertThat(jobs.find(kind.key("later"))).get().extracting(JobRepository.JobDocument::status).isEqualTo("PENDING");
    }

    @Test
    void anEmptyBatchStoresNothing() {
        assertThat(jobs.insertAll(List.of(), NOW)).isZero();
    }

    private Job<Ping> job(String name, Instant at) {
        return new Job<>(kind.key(name), "T1", kind, at, new Ping(name));
    }
}
