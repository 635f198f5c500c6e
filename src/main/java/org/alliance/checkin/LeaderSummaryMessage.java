package org.alliance.checkin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.alliance.slack.SlackText;

import static org.alliance.checkin.MessageParts.mention;
import static org.alliance.checkin.MessageParts.mentions;
import static org.alliance.slack.SlackText.escape;

/**
 * The leader's summary when a check-in ends. For an anonymous check-in, who answered and who
 * skipped are one list (so a skip reason can't be tied to a name by elimination), and the
 * reasons are shown without names, shuffled, and only when enough people responded.
 */
final class LeaderSummaryMessage {

    private LeaderSummaryMessage() {
    }

    /**
     * @param threadLink mrkdwn pointing at the check-in thread (a permalink, or the channel)
     * @param answersLink for a leader-only check-in, mrkdwn pointing at the DM thread of answers; may be null
     */
    static Out.Message render(CheckIn c, List<Response> responses, String threadLink, String answersLink,
                              Random random) {
        return render(c, responses, threadLink, answersLink, random, Map.of());
    }

    /** @param earlier for a playbook step shared in its thread, each answerer's answers to the earlier steps */
    static Out.Message render(CheckIn c, List<Response> responses, String threadLink, String answersLink,
                              Random random, Map<String, List<EarlierAnswers.Earlier>> earlier) {
        Map<ResponseStatus, List<Response>> by = new EnumMap<>(ResponseStatus.class);
        for (ResponseStatus s : ResponseStatus.values()) {
            by.put(s, new ArrayList<>());
        }
        // In the order the leader listed people, so the lists read the way they asked.
        responses.stream().sorted(Comparator.comparingInt(r -> order(c, r.userId())))
                .forEach(r -> by.get(r.status()).add(r));
        List<Response> answered = by.get(ResponseStatus.ANSWERED);
        List<Response> skipped = by.get(ResponseStatus.SKIPPED);
        List<Response> missing = new ArrayList<>(by.get(ResponseStatus.PENDING));
        missing.addAll(by.get(ResponseStatus.MISSED));
        missing.sort(Comparator.comparingInt(r -> order(c, r.userId())));
        Progress progress = Progress.of(responses);

        Out b = new Out();
        b.section("*" + escape(c.title()) + "* (`" + c.id() + "`) " + ended(c) + "\n" + progress.summary() + ".");
        if (c.visibility() == Visibility.ANONYMOUS) {
            List<Response> responded = new ArrayList<>(answered);
            responded.addAll(skipped);
            responded.sort(Comparator.comparingInt(r -> order(c, r.userId())));
            b.section("*Took part (" + responded.size() + "):* " + userList(responded));
            b.context("Anonymous: who answered and who skipped are not told apart, so no answer or reason can be "
                    + "tied to a name.");
            List<String> reasons = new ArrayList<>(skipped.stream().map(Response::skipReason)
                    .filter(s -> s != null && !s.isBlank()).toList());
            if (!reasons.isEmpty()) {
                if (responded.size() >= c.anonymousThreshold()) {
                    Collections.shuffle(reasons, random);
                    b.section("*Reasons for skipping, without names:*\n" + reasons.stream()
                            .map(s -> "• “" + oneLine(s) + "”").collect(Collectors.joining("\n")));
                } else {
                    b.section("_" + (reasons.size() == 1 ? "One skip reason stays" : reasons.size()
                            + " skip reasons stay") + " unseen: too few people responded to keep it anonymous._");
                }
            }
        } else {
            b.section("*Answered (" + answered.size() + "):* " + userList(answered));
            if (!skipped.isEmpty()) {
                b.section("*Skipped (" + skipped.size() + "):*\n" + skipped.stream()
                        .map(r -> "• " + mention(r.userId()) + (r.skipReason() == null || r.skipReason().isBlank()
                                ? " (no reason given)" : ": “" + oneLine(r.skipReason()) + "”"))
                        .collect(Collectors.joining("\n")));
            }
        }
        b.section("*Missing (" + missing.size() + "):* " + userList(missing));
        if (c.visibility() != Visibility.ANONYMOUS) {
            EarlierAnswers.render(b, earlier);
        }
        StringBuilder where = new StringBuilder();
        // Nobody answered (a stop before anyone did, say): there is nothing in that thread to point at.
        if (answersLink != null && !answered.isEmpty()) {
            where.append("Their answers are in ").append(answersLink).append(". ");
        }
        where.append("The check-in thread: ").append(threadLink).append('.');
        b.context(where.toString());
        return b.message("Your check-in " + escape(c.title()) + " has " + c.endedWord() + ": " + progress.summary());
    }

    private static int order(CheckIn c, String userId) {
        int i = c.participants().indexOf(userId);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static String ended(CheckIn c) {
        return switch (c.status()) {
            case OPEN -> "is still open.";
            case COMPLETED -> "is complete: everyone has answered or skipped.";
            case CLOSED -> "closed at its due time.";
            case STOPPED -> "was stopped.";
        };
    }

    private static String userList(List<Response> responses) {
        if (responses.isEmpty()) {
            return "nobody";
        }
        return mentions(responses.stream().map(Response::userId).toList(), Out.MAX_SECTION_TEXT - 100);
    }

    /** A reason on one line of a list: short, escaped, its line breaks turned into spaces. */
    private static String oneLine(String raw) {
        return escape(SlackText.truncate(raw.strip(), 500)).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
