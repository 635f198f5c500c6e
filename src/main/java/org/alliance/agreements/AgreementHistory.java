package org.alliance.agreements;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;
import org.springframework.stereotype.Service;

/**
 * Agreements as History shows them: the current one with its date and what changed, and whether
 * a newer version is waiting. Only ever for one of the two: the leader looking at their person,
 * or the person looking at their own history.
 */
@Service
public class AgreementHistory {

    /** At most this many of a person's agreements (one per leader) in their own history. */
    static final int MAX_OWN = 5;
    private static final int MAX_SECTION = 3000;

    /** One agreement: a section of mrkdwn, and the pair for its Earlier versions button. */
    public record Summary(String mrkdwn, String leaderId, String memberId) {
    }

    private final Agreements agreements;

    AgreementHistory(Agreements agreements) {
        this.agreements = agreements;
    }

    /** The agreement of {@code leaderId} with {@code memberId}, as the leader sees it. */
    public Optional<Summary> ofLeader(String teamId, String leaderId, String memberId) {
        return agreements.visibleTo(teamId, leaderId, leaderId, memberId).flatMap(a -> summary(a, memberId));
    }

    /** The agreements {@code memberId} has with their leaders, as they see them, newest first. */
    public List<Summary> ofMember(String teamId, String memberId) {
        return agreements.ofMember(teamId, memberId).stream()
                .sorted(Comparator.comparing((Agreement a) -> a.versions().isEmpty() ? null
                        : a.versions().get(a.versions().size() - 1).proposedAt(),
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(MAX_OWN)
                .flatMap(a -> summary(a, a.leaderId()).stream()).toList();
    }

    private static Optional<Summary> summary(Agreement a, String otherId) {
        if (a.current().isEmpty() && a.pending().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("*" + AgreementMessages.TITLE + "* with <@" + otherId + ">");
        a.current().ifPresent(v -> {
            text.append(" · version ").append(v.number()).append(", confirmed ").append(SlackDates.date(v.confirmedAt()))
                    .append('\n').append(AgreementMessages.bullets(v.points()));
            AgreementMessages.changes(a, v).ifPresent(c -> text.append('\n').append(c));
        });
        a.pending().ifPresent(p -> text.append(a.current().isEmpty() ? "\n" : "\n\n").append("_Version ")
                .append(p.number()).append(" is waiting for <@").append(a.memberId()).append("> to confirm it._"));
        text.append("\n:lock: ").append(AgreementMessages.onlyTwo(otherId));
        return Optional.of(new Summary(SlackText.truncate(text.toString(), MAX_SECTION), a.leaderId(), a.memberId()));
    }
}
