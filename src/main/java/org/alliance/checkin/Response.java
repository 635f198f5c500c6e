package org.alliance.checkin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One participant's answer to one check-in. There is exactly one per participant, created when
 * the check-in starts, whichever way they answer (modal or DM thread).
 *
 * @param answers     question id to answer text, as typed; blank answers are left out
 * @param dmChannelId where their invitation went; with {@code dmTs} it identifies the DM thread
 * @param threadNext  the index of the question the DM thread is waiting for
 * @param lastReplyTs the newest DM reply taken, so a redelivered event is not taken twice
 * @param sharedTs    where their answer was shared (thread or leader DM), so an edit updates it
 * @param acknowledgedAt when the leader first said they read the answer (or the anonymous summary holding it)
 * @param repliedAt   when the leader first replied to the answer
 */
public record Response(
        String id,
        String teamId,
        String checkInId,
        String userId,
        ResponseStatus status,
        Map<String, String> answers,
        String skipReason,
        String dmChannelId,
        String dmTs,
        int threadNext,
        String lastReplyTs,
        String sharedTs,
        Instant answeredAt,
        Instant updatedAt,
        Instant acknowledgedAt,
        Instant repliedAt) {

    public Response {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    /** A response the leader has not yet acknowledged or replied to. */
    public Response(String id, String teamId, String checkInId, String userId, ResponseStatus status,
                    Map<String, String> answers, String skipReason, String dmChannelId, String dmTs, int threadNext,
                    String lastReplyTs, String sharedTs, Instant answeredAt, Instant updatedAt) {
        this(id, teamId, checkInId, userId, status, answers, skipReason, dmChannelId, dmTs, threadNext, lastReplyTs,
                sharedTs, answeredAt, updatedAt, null, null);
    }

    /** Whether the leader has acknowledged or replied to this answer: the loop is closed. */
    public boolean loopClosed() {
        return acknowledgedAt != null || repliedAt != null;
    }

    static String idOf(String checkInId, String userId) {
        return checkInId + ":" + userId;
    }

    static Response pending(String teamId, String checkInId, String userId, Instant now) {
        return new Response(idOf(checkInId, userId), teamId, checkInId, userId, ResponseStatus.PENDING, Map.of(),
                null, null, null, 0, null, null, null, now);
    }

    static Response away(String teamId, String checkInId, String userId, String reason, Instant now) {
        return new Response(idOf(checkInId, userId), teamId, checkInId, userId, ResponseStatus.SKIPPED, Map.of(),
                reason, null, null, 0, null, null, null, now);
    }

    /**
     * The answers that may be shown under the author's name, in question order: answers to questions
     * marked anonymous are left out, since those are only ever shown without names.
     */
    public Map<String, String> orderedAnswers(CheckIn checkIn) {
        return ordered(checkIn, false);
    }

    /** Every answer in question order, anonymous questions included: for the author's own eyes only. */
    public Map<String, String> ownAnswers(CheckIn checkIn) {
        return ordered(checkIn, true);
    }

    private Map<String, String> ordered(CheckIn checkIn, boolean withAnonymous) {
        Map<String, String> ordered = new LinkedHashMap<>();
        checkIn.questions().forEach(q -> {
            String a = answers.get(q.id());
            if (a != null && !a.isBlank() && (withAnonymous || !q.isAnonymous())) {
                ordered.put(q.id(), a);
            }
        });
        return ordered;
    }
}
