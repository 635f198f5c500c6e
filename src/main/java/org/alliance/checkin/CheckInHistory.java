package org.alliance.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.alliance.questions.Question;
import org.springframework.stereotype.Service;

/**
 * Check-ins over time with one person's part in each, already cut down to what the viewer may
 * see ({@link AnswerSight}): callers get no answer or reason they are not allowed to show.
 * Every query is served by an index on {@code checkins} (teamId, [leaderId,] participants,
 * createdAt) and by the responses' primary key.
 */
@Service
public class CheckInHistory {

    private static final int MAX_PAGE = 10_000;

    /** What the person did, as far as the viewer may know. */
    public enum Part { ANSWERED, SKIPPED, MISSED, WAITING, NOT_SHOWN }

    public record Said(String question, String answer) {
    }

    /**
     * @param answers    in question order; empty unless {@code part} is ANSWERED
     * @param skipReason as typed; null unless {@code part} is SKIPPED and a reason was given
     * @param away       the reason was set by the bot (the person was away), not typed
     */
    public record Entry(String checkInId, String leaderId, String title, Instant startedAt, Visibility visibility,
                        boolean open, Part part, List<Said> answers, String skipReason, boolean away) {
    }

    /** One page, newest first; {@code number} counts from 0. */
    public record Page(List<Entry> entries, int number, int size, long total, boolean hasOlder) {

        public boolean hasNewer() {
            return number > 0;
        }
    }

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;

    CheckInHistory(CheckInRepository checkIns, ResponseRepository responses) {
        this.checkIns = checkIns;
        this.responses = responses;
    }

    /** Whether {@code leaderId} ever asked {@code personId} in a check-in. */
    public boolean haveMet(String teamId, String leaderId, String personId) {
        return !checkIns.asking(teamId, leaderId, personId, 0, 1).isEmpty();
    }

    /** Whether anyone ever asked {@code userId} in a check-in. */
    public boolean wasAsked(String teamId, String userId) {
        return !checkIns.asking(teamId, null, userId, 0, 1).isEmpty();
    }

    /** The check-ins {@code leaderId} asked {@code personId} in, with the person's part as the leader may see it. */
    public Page between(String teamId, String leaderId, String personId, int page, int size) {
        return page(teamId, leaderId, personId, leaderId, page, size);
    }

    /** Every check-in {@code userId} was asked in, by any leader, with their own part in full. */
    public Page answersOf(String teamId, String userId, int page, int size) {
        return page(teamId, null, userId, userId, page, size);
    }

    private Page page(String teamId, String leaderIdOrNull, String personId, String viewerId, int page, int size) {
        // A page number comes back from a button: keep a crafted one from overflowing the skip.
        int number = Math.min(Math.max(0, page), MAX_PAGE);
        List<CheckIn> found = checkIns.asking(teamId, leaderIdOrNull, personId, number * size, size + 1);
        List<CheckIn> shown = found.subList(0, Math.min(size, found.size()));
        Map<String, Response> theirs = responses.ofUserIn(personId, shown.stream().map(CheckIn::id).toList()).stream()
                .collect(Collectors.toMap(Response::checkInId, Function.identity()));
        List<Entry> entries = shown.stream().map(c -> entry(c, theirs.get(c.id()), personId, viewerId)).toList();
        return new Page(entries, number, size, checkIns.countAsking(teamId, leaderIdOrNull, personId),
                found.size() > size);
    }

    static Entry entry(CheckIn c, Response response, String personId, String viewerId) {
        AnswerSight sight = AnswerSight.of(c, personId, viewerId);
        if (sight != AnswerSight.EVERYTHING || response == null) {
            return entry(c, Part.NOT_SHOWN, List.of(), null);
        }
        return switch (response.status()) {
            case ANSWERED -> entry(c, Part.ANSWERED, said(c, response, viewerId.equals(personId)), null);
            case SKIPPED -> entry(c, Part.SKIPPED, List.of(),
                    response.skipReason() == null || response.skipReason().isBlank() ? null : response.skipReason());
            case MISSED -> entry(c, Part.MISSED, List.of(), null);
            case PENDING -> entry(c, c.isOpen() ? Part.WAITING : Part.MISSED, List.of(), null);
        };
    }

    private static Entry entry(CheckIn c, Part part, List<Said> answers, String reason) {
        return new Entry(c.id(), c.leaderId(), c.title(), c.createdAt(), c.visibility(), c.isOpen(), part, answers,
                reason, AwayReason.isAway(reason));
    }

    /** The author sees all they wrote; the leader never an answer to an anonymous question, here by name. */
    private static List<Said> said(CheckIn c, Response response, boolean own) {
        return (own ? response.ownAnswers(c) : response.orderedAnswers(c)).entrySet().stream()
                .map(a -> new Said(c.question(a.getKey()).map(Question::text).orElse(a.getKey()),
                        c.question(a.getKey()).map(q -> q.shown(a.getValue())).orElse(a.getValue())))
                .toList();
    }
}
