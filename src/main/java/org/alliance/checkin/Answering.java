package org.alliance.checkin;

import org.alliance.slack.SlackText;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.alliance.questions.Question;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Records answers, from the modal and from the DM thread, into the one response a participant
 * has. The recording is fast (one conditional update) so it can run before Slack's ack; what
 * follows it ({@link AfterAnswer}) runs afterwards.
 */
@Service
class Answering {

    private final CheckInRepository checkIns;
    private final ResponseRepository responses;
    private final CheckInMessenger messenger;
    private final Clock clock;
    private final List<AnswerThreadWriting> later;

    Answering(CheckInRepository checkIns, ResponseRepository responses, CheckInMessenger messenger, Clock clock) {
        this(checkIns, responses, messenger, clock, List.of());
    }

    @Autowired
    Answering(CheckInRepository checkIns, ResponseRepository responses, CheckInMessenger messenger, Clock clock,
              List<AnswerThreadWriting> later) {
        this.checkIns = checkIns;
        this.responses = responses;
        this.messenger = messenger;
        this.clock = clock;
        this.later = later;
    }

    /** What the modal needs to open: the check-in and the person's response, unless they may not answer. */
    public sealed interface Opening {
        record Allowed(CheckIn checkIn, Response response) implements Opening {
        }

        record Refused(String message) implements Opening {
        }
    }

    public Opening open(String teamId, String checkInId, String userId) {
        Optional<CheckIn> checkIn = checkIns.find(teamId, checkInId);
        if (checkIn.isEmpty()) {
            return new Opening.Refused("I can't find check-in `" + SlackText.echo(checkInId) + "` any more.");
        }
        Optional<String> refusal = checkIn.get().refusalToAnswer(userId);
        if (refusal.isPresent()) {
            return new Opening.Refused(refusal.get());
        }
        Optional<Response> response = responses.find(checkInId, userId);
        if (response.isEmpty()) {
            return new Opening.Refused("I can't find your part of check-in `" + SlackText.echo(checkInId) + "`.");
        }
        if (response.get().status() == ResponseStatus.SKIPPED) {
            return new Opening.Refused("You skipped check-in `" + checkInId + "`, so it's no longer waiting for you.");
        }
        return new Opening.Allowed(checkIn.get(), response.get());
    }

    /** A modal submission: the whole set of answers, first time or edit. Submitting twice is an edit. */
    public AnswerOutcome submit(String teamId, String checkInId, String userId, Map<String, String> answers) {
        Opening opening = open(teamId, checkInId, userId);
        if (opening instanceof Opening.Refused refused) {
            return new AnswerOutcome.Refused(refused.message());
        }
        CheckIn checkIn = ((Opening.Allowed) opening).checkIn();
        Response before = ((Opening.Allowed) opening).response();
        Map<String, String> kept = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (Question q : checkIn.questions()) {
            String answer = answers.get(q.id());
            q.problemWith(answer).ifPresent(p -> problems.put(q.id(), p));
            if (answer != null && !answer.isBlank()) {
                kept.put(q.id(), q.kind() == org.alliance.questions.QuestionKind.SCALE ? answer.strip() : answer);
            }
        }
        if (!problems.isEmpty()) {
            return new AnswerOutcome.Invalid(problems);
        }
        if (kept.isEmpty()) {
            return new AnswerOutcome.Invalid(Map.of(checkIn.questions().get(0).id(),
                    "Please answer at least one question, or use Not now to skip."));
        }
        return responses.answered(Response.idOf(checkInId, userId), kept, clock.instant())
                .<AnswerOutcome>map(r -> new AnswerOutcome.Recorded(checkIn, r,
                        before.status() != ResponseStatus.ANSWERED
                                || !before.orderedAnswers(checkIn).equals(r.orderedAnswers(checkIn))))
                .orElseGet(() -> new AnswerOutcome.Refused("Your answer to check-in `" + checkInId
                        + "` can't be changed any more."));
    }

    public AnswerOutcome skip(String teamId, String checkInId, String userId, String reason) {
        Opening opening = open(teamId, checkInId, userId);
        if (opening instanceof Opening.Refused refused) {
            return new AnswerOutcome.Refused(refused.message());
        }
        CheckIn checkIn = ((Opening.Allowed) opening).checkIn();
        String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
        if (trimmed != null && trimmed.length() > Question.MAX_ANSWER_LENGTH) {
            return new AnswerOutcome.Invalid(Map.of("reason", "Please keep the reason under "
                    + Question.MAX_ANSWER_LENGTH + " characters."));
        }
        return responses.skipped(Response.idOf(checkInId, userId), trimmed, clock.instant())
                .<AnswerOutcome>map(r -> new AnswerOutcome.Recorded(checkIn, r))
                .orElseGet(() -> new AnswerOutcome.Refused("You've already answered check-in `" + checkInId
                        + "`. You can still edit your answer."));
    }

    /**
     * A reply in a check-in DM thread: the answer to the question the thread is waiting for.
     * {@code skip} leaves that question out. The next question (or thanks) is posted here too,
     * since this already runs after the event was acknowledged.
     */
    public AnswerOutcome threadReply(String teamId, String dmChannelId, String threadTs, String userId, String text,
                                     String replyTs) {
        Optional<Response> found = responses.byDmThread(teamId, dmChannelId, threadTs);
        if (found.isEmpty()) {
            return new AnswerOutcome.NotAnAnswerThread();
        }
        if (!found.get().userId().equals(userId)) {
            return new AnswerOutcome.Ignored();
        }
        Response response = found.get();
        if (response.lastReplyTs() != null && compareTs(replyTs, response.lastReplyTs()) <= 0) {
            return new AnswerOutcome.Ignored();
        }
        Optional<CheckIn> checkIn = checkIns.find(teamId, response.checkInId());
        if (checkIn.isEmpty()) {
            return new AnswerOutcome.Ignored();
        }
        if (response.status() != ResponseStatus.PENDING || !checkIn.get().isOpen()) {
            for (AnswerThreadWriting conversation : later) {
                if (conversation.take(response, text, replyTs)) {
                    return new AnswerOutcome.Ignored();
                }
            }
        }
        Optional<String> refusal = checkIn.get().refusalToAnswer(userId);
        if (refusal.isPresent()) {
            messenger.replyInThread(response, refusal.get());
            return new AnswerOutcome.Refused(refusal.get());
        }
        if (response.status() != ResponseStatus.PENDING) {
            String message = response.status() == ResponseStatus.ANSWERED
                    ? "You've already answered. Use the *Edit* button above to change your answers."
                    : "You skipped this check-in, so it's no longer waiting for you.";
            messenger.replyInThread(response, message);
            return new AnswerOutcome.Refused(message);
        }
        List<Question> questions = checkIn.get().questions();
        int index = Math.min(response.threadNext(), questions.size() - 1);
        Question question = questions.get(index);
        String answer = text == null ? "" : text.strip();
        boolean skipped = answer.toLowerCase(Locale.ROOT).equals("skip");
        if (!skipped) {
            Optional<String> problem = answer.isEmpty() ? Optional.of("Please reply with your answer, or `skip`.")
                    : question.problemWith(answer);
            if (problem.isPresent()) {
                messenger.replyInThread(response, problem.get());
                return new AnswerOutcome.Invalid(Map.of(question.id(), problem.get()));
            }
        }
        boolean last = index == questions.size() - 1;
        Optional<Response> updated = responses.threadReply(response.id(), index, question.id(),
                skipped ? null : answer, replyTs, last, clock.instant());
        if (updated.isEmpty()) {
            return new AnswerOutcome.Ignored();
        }
        if (last && updated.get().answers().isEmpty()) {
            // Skipping every question is a skip, not an empty answer.
            Optional<Response> asSkip = responses.skippedAfterThread(response.id(), clock.instant());
            messenger.replyInThread(response, "No answers this time; I've marked this check-in as skipped.");
            return asSkip.<AnswerOutcome>map(r -> new AnswerOutcome.Recorded(checkIn.get(), r))
                    .orElseGet(AnswerOutcome.Ignored::new);
        }
        if (last) {
            boolean lastToAnswer = Progress.of(responses.forCheckIn(response.checkInId())).allIn();
            messenger.replyInThread(response, lastToAnswer
                    ? "Thank you! Your answers are recorded. You were the last to answer, so the check-in is now "
                            + "complete and answers can no longer be changed."
                    : "Thank you! Your answers are recorded. You can change them with *Edit* until the check-in "
                            + "closes.");
            return new AnswerOutcome.Recorded(checkIn.get(), updated.get());
        }
        messenger.askInThread(checkIn.get(), updated.get(), index + 1);
        return new AnswerOutcome.Ignored();
    }

    private static int compareTs(String a, String b) {
        return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
    }
}
