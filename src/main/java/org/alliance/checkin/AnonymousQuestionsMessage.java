package org.alliance.checkin;

import java.util.List;
import java.util.Random;

import org.alliance.questions.Question;

import static org.alliance.checkin.MessageParts.QUOTE;
import static org.alliance.checkin.MessageParts.people;
import static org.alliance.slack.SlackText.escape;

/**
 * The answers to the questions marked anonymous in a check-in whose other answers carry names, once it
 * has ended: each question as in the anonymous summary (random order, scales averaged, no names), and
 * only when at least the threshold answered that question. The leader's copy also names the questions
 * whose answers stay unseen; the thread's copy shows only what may be shown. The randomness is an
 * argument, so the order can be tested.
 */
final class AnonymousQuestionsMessage {

    private AnonymousQuestionsMessage() {
    }

    /** How many answered responses hold an answer to {@code q}. */
    static int answered(Question q, List<Response> responses) {
        return (int) answeredOnly(responses).stream()
                .filter(r -> r.answers().get(q.id()) != null && !r.answers().get(q.id()).isBlank()).count();
    }

    /** The anonymous questions enough people answered for their answers to be shown. */
    static List<Question> shown(CheckIn c, List<Response> responses) {
        return c.anonymousQuestions().stream().filter(q -> answered(q, responses) >= c.anonymousThreshold()).toList();
    }

    static Out.Message render(CheckIn c, List<Response> responses, Random random, boolean forLeader) {
        List<Response> answered = answeredOnly(responses);
        List<Question> shown = shown(c, responses);
        Out b = new Out();
        b.section(":lock: *Anonymous questions: " + escape(c.title()) + "*\n" + (shown.isEmpty()
                ? "Their answers are never shown with a name."
                : "Their answers are shown without names, in a random order, as everyone asked was promised."));
        for (Question q : shown) {
            AnonymousSummaryMessage.question(b, q, answered, random);
        }
        if (forLeader) {
            for (Question q : c.anonymousQuestions()) {
                if (!shown.contains(q)) {
                    b.divider();
                    b.section("*" + escape(q.text()) + "*\n" + QUOTE + "_" + belowThreshold(c, answered(q, responses))
                            + "_");
                }
            }
        }
        b.context("Check-in `" + c.id() + "`");
        return b.message("Answers to the anonymous questions of " + escape(c.title()) + ", without names");
    }

    private static String belowThreshold(CheckIn c, int n) {
        return (n == 0 ? "Nobody answered it" : "Only " + people(n) + " answered it") + ", fewer than the "
                + c.anonymousThreshold() + " needed. To protect their anonymity, the answers stay unseen, by you "
                + "and by everyone else.";
    }

    private static List<Response> answeredOnly(List<Response> responses) {
        return responses.stream().filter(r -> r.status() == ResponseStatus.ANSWERED).toList();
    }
}
