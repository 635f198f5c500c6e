package org.alliance.checkin;

import java.util.Optional;

import org.alliance.questions.Question;
import org.springframework.stereotype.Service;

/**
 * The answers behind the "Reply privately" buttons of an anonymous summary, for the feature that
 * relays a private conversation about one. A key is resolved only for its check-in's leader, in
 * its own workspace; the author it leads to must never be shown to that leader.
 */
@Service
public class AnonymousAnswers {

    /**
     * One anonymous answer. {@code author} is the author's response, with their DM thread: it is for
     * relaying to them, never for showing to anyone.
     */
    public record AnonymousAnswer(String key, CheckIn checkIn, Response author, Question question, String answer) {
    }

    private final AnonymousKeys keys;
    private final CheckInRepository checkIns;
    private final ResponseRepository responses;

    AnonymousAnswers(AnonymousKeys keys, CheckInRepository checkIns, ResponseRepository responses) {
        this.keys = keys;
        this.checkIns = checkIns;
        this.responses = responses;
    }

    /**
     * The answer behind {@code key} when {@code viewerId} leads its anonymous check-in in {@code teamId}
     * and the answer is still there; empty otherwise, so a forged or foreign key reaches nothing.
     */
    public Optional<AnonymousAnswer> forLeader(String teamId, String key, String viewerId) {
        return keys.find(teamId, key).flatMap(entry -> checkIns.find(teamId, entry.checkInId())
                .filter(c -> c.leaderId().equals(viewerId) && c.visibility() == Visibility.ANONYMOUS)
                .flatMap(c -> c.question(entry.questionId()).flatMap(q -> responses.find(c.id(), entry.authorId())
                        .filter(r -> r.status() == ResponseStatus.ANSWERED)
                        .flatMap(r -> Optional.ofNullable(r.answers().get(q.id())).filter(a -> !a.isBlank())
                                .map(a -> new AnonymousAnswer(key, c, r, q, a))))));
    }
}
