package org.alliance.commitments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.mongodb.client.MongoDatabase;

/** Commitments written straight into {@code commitments} in the stored shape, for benchmarks. */
public final class SeededCommitments {

    /**
     * @param done        done five days after it was made
     * @param helpedOrNull the member's "did it help?" (YES, SOMEWHAT, NO) once done; null while unanswered
     */
    public record Spec(String id, String teamId, String leaderId, String memberId, String checkInId, String text,
                       Instant createdAt, boolean done, String helpedOrNull) {
    }

    private SeededCommitments() {
    }

    public static void insert(MongoDatabase db, List<Spec> specs) {
        if (specs.isEmpty()) {
            return;
        }
        db.getCollection("commitments", CommitmentRepository.CommitmentDocument.class).insertMany(specs.stream()
                .map(s -> new CommitmentRepository.CommitmentDocument(s.id(), commitment(s))).toList());
    }

    private static Commitment commitment(Spec s) {
        LocalDate dueDate = LocalDate.ofInstant(s.createdAt(), ZoneOffset.UTC).plusDays(7);
        Instant doneAt = s.done() ? s.createdAt().plus(Duration.ofDays(5)) : null;
        Helped helped = s.done() && s.helpedOrNull() != null ? Helped.valueOf(s.helpedOrNull()) : null;
        return new Commitment(s.id(), s.teamId(), s.leaderId(), s.memberId(), s.checkInId(), s.text(), dueDate,
                Commitment.dueAt(dueDate, ZoneOffset.UTC), s.done() ? CommitmentStatus.DONE : CommitmentStatus.OPEN,
                s.createdAt(), doneAt, helped, helped == null ? null : doneAt.plus(Duration.ofDays(1)));
    }
}
