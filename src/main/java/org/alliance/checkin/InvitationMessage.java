package org.alliance.checkin;

import java.time.Instant;
import java.util.List;

import org.alliance.questions.Question;
import org.alliance.questions.QuestionKind;
import org.alliance.slack.SlackDates;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.alliance.checkin.MessageParts.anonymousNote;
import static org.alliance.checkin.MessageParts.channel;
import static org.alliance.checkin.MessageParts.keptFromNames;
import static org.alliance.checkin.MessageParts.mention;
import static org.alliance.checkin.MessageParts.objective;
import static org.alliance.checkin.MessageParts.plain;
import static org.alliance.checkin.MessageParts.questionAndAnswer;
import static org.alliance.checkin.MessageParts.quote;
import static org.alliance.slack.SlackText.escape;

/**
 * The participant's DM. It is one message re-rendered as their response changes, so it always
 * shows where they stand: pending, answered, skipped, missed or ended.
 */
final class InvitationMessage {

    private InvitationMessage() {
    }

    static Out.Message render(CheckIn c, Response r, String leaderName) {
        return render(c, r, leaderName, null);
    }

    /**
     * The DM as {@link #render(CheckIn, Response, String)}, for someone in an anonymous check-in
     * whose leader read the summary at {@code summaryReadAt}: people who answered carry that time
     * themselves, people who skipped or missed it are told with this.
     */
    static Out.Message render(CheckIn c, Response r, String leaderName, Instant summaryReadAt) {
        ResponseStatus status = r.status();
        if (status == ResponseStatus.PENDING && c.isOpen()) {
            return pending(c, leaderName);
        }
        Out b = new Out();
        switch (status) {
            case ANSWERED -> {
                header(b, c);
                if (c.isOpen()) {
                    b.section(":white_check_mark: *Thank you, your answers are in.* Here is what you said:");
                    ownAnswers(b, c, r);
                    readLine(b, c, r, summaryReadAt);
                    b.context("You can change your answers until " + SlackDates.format(c.dueAt()) + ". Check-in `"
                            + c.id() + "`");
                    b.tail(actions(List.of(button(x -> x.actionId(CheckInInteractions.EDIT).value(c.id())
                            .text(plainText("Edit"))))));
                } else {
                    b.section(":white_check_mark: *You answered.* This check-in has " + c.endedWord()
                            + ". Here is what you said:");
                    ownAnswers(b, c, r);
                    readLine(b, c, r, summaryReadAt);
                    b.context("Check-in `" + c.id() + "`");
                }
                return b.message("Your answers to " + plain(leaderName) + "'s check-in " + escape(c.title()));
            }
            case SKIPPED -> {
                compactHeader(b, c);
                String reason = r.skipReason() == null || r.skipReason().isBlank() ? ""
                        : "\nYour reason:\n" + quote(r.skipReason());
                b.section(":zzz: *You skipped this one.*" + reason);
                readLine(b, c, r, summaryReadAt);
                b.context((c.visibility() == Visibility.ANONYMOUS
                        ? mention(c.leaderId()) + " may see your reason, but never with your name."
                        : "Only " + mention(c.leaderId()) + " sees that you skipped"
                                + (reason.isEmpty() ? "." : ", and your reason."))
                        + " Check-in `" + c.id() + "`");
                return b.message("You skipped " + plain(leaderName) + "'s check-in " + escape(c.title()));
            }
            case MISSED -> {
                compactHeader(b, c);
                b.section(":hourglass: This check-in closed before you answered. No answer is needed now.");
                readLine(b, c, r, summaryReadAt);
                b.context("Check-in `" + c.id() + "`");
                return b.message("The check-in " + escape(c.title()) + " has closed");
            }
            default -> {
                // Pending, but the check-in has ended: stopped (closing turns pending into missed).
                compactHeader(b, c);
                b.section(c.status() == CheckInStatus.STOPPED
                        ? ":octagonal_sign: " + mention(c.leaderId()) + " stopped this check-in; no answer needed."
                        : ":hourglass: This check-in has " + c.endedWord() + "; no answer needed.");
                readLine(b, c, r, summaryReadAt);
                b.context("Check-in `" + c.id() + "`");
                return b.message("The check-in " + escape(c.title()) + " has " + c.endedWord());
            }
        }
    }

    /** The DM of someone the leader took off a running check-in: nothing is asked of them any more. */
    static Out.Message released(CheckIn c, String leaderName) {
        Out b = new Out();
        compactHeader(b, c);
        b.section(":wave: " + mention(c.leaderId()) + " took you off this check-in, so no answer is needed any more. "
                + "Thank you all the same.");
        b.context("Check-in `" + c.id() + "`");
        return b.message(plain(leaderName) + " took you off the check-in " + escape(c.title()) + "; no answer needed.");
    }

    private static Out.Message pending(CheckIn c, String leaderName) {
        Out b = new Out();
        header(b, c);
        int n = c.questions().size();
        b.context(":calendar: Due " + SlackDates.format(c.dueAt()) + "  ·  " + n + (n == 1 ? " question" : " questions")
                + "  ·  Check-in `" + c.id() + "`");
        b.divider();
        Question first = c.questions().get(0);
        b.section("*" + (n == 1 ? "The question" : "First question") + ":* " + escape(first.text()));
        b.context("Press *Answer* to answer in a form, or reply in this thread to answer here, one question at a time "
                + "(reply `skip` to leave one out)."
                + (first.kind() == QuestionKind.SCALE ? " For this one, reply with a number from 1 to 5." : "")
                + (keptFromNames(c, first) ? " " + anonymousNote(c) : ""));
        b.tail(actions(List.of(
                button(x -> x.actionId(CheckInInteractions.ANSWER).value(c.id()).style("primary")
                        .text(plainText("Answer"))),
                button(x -> x.actionId(CheckInInteractions.SKIP).value(c.id()).text(plainText("Not now"))))));
        return b.message(plain(leaderName) + " is checking in: " + escape(c.title()) + ". Due "
                + SlackDates.format(c.dueAt()) + ".");
    }

    /**
     * That the leader read the answer, from the response itself so every later rendering keeps it.
     * In an anonymous check-in it is the summary they read: the same words and time for everyone.
     */
    private static void readLine(Out b, CheckIn c, Response r, Instant summaryReadAt) {
        if (c.visibility() == Visibility.ANONYMOUS) {
            Instant at = r.status() == ResponseStatus.ANSWERED && r.acknowledgedAt() != null
                    ? r.acknowledgedAt() : summaryReadAt;
            if (at != null) {
                b.section(":eyes: " + mention(c.leaderId()) + " read the anonymous summary ("
                        + SlackDates.format(at) + "). It names nobody.");
            }
        } else if (r.acknowledgedAt() != null) {
            b.section(":eyes: " + mention(c.leaderId()) + " read your answer (" + SlackDates.format(r.acknowledgedAt())
                    + ").");
        }
    }

    private static void header(Out b, CheckIn c) {
        b.section(mention(c.leaderId()) + " is checking in: *" + escape(c.title()) + "*");
        objective(b, c);
        b.section("*Who will see your answers:* " + capitalised(visibilityForParticipant(c)));
        anonymousQuestions(b, c);
    }

    /** In a check-in whose answers carry names, which of them won't: said before anyone answers. */
    private static void anonymousQuestions(Out b, CheckIn c) {
        List<Question> anonymous = c.anonymousQuestions();
        if (anonymous.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("*Except for " + (anonymous.size() == 1 ? "this question"
                : "these " + anonymous.size() + " questions") + ", which are anonymous:*");
        anonymous.forEach(q -> text.append("\n\uD83D\uDD12 ").append(escape(q.text())));
        text.append("\nYour answers to ").append(anonymous.size() == 1 ? "it" : "them").append(" are never shown with ")
                .append("your name, not even to ").append(mention(c.leaderId())).append(". When the check-in ends, ")
                .append("they are shared without names").append(c.visibility() == Visibility.THREAD
                        ? " in " + channel(c.channelId()) + " and with " + mention(c.leaderId()) : " with "
                        + mention(c.leaderId())).append(", for each question only once at least ")
                .append(c.anonymousThreshold()).append(" people have answered it. With fewer, nobody sees them.");
        b.section(text.toString());
    }

    private static void compactHeader(Out b, CheckIn c) {
        b.section(mention(c.leaderId()) + "'s check-in: *" + escape(c.title()) + "*");
    }

    /** The participant's own view: every question, with "left out" where they gave no answer. */
    private static void ownAnswers(Out b, CheckIn c, Response r) {
        for (Question q : c.questions()) {
            String answer = r.answers().get(q.id());
            String label = "*" + escape(q.text()) + "*" + (keptFromNames(c, q) ? " \uD83D\uDD12 _anonymous_" : "");
            if (answer == null || answer.isBlank()) {
                b.section(label + "\n_left out_");
            } else {
                questionAndAnswer(b, label, q, answer);
            }
        }
    }

    /** Who will see the answers, said to a participant. */
    private static String visibilityForParticipant(CheckIn c) {
        return switch (c.visibility()) {
            case LEADER -> "only " + mention(c.leaderId()) + ", in a direct message.";
            case THREAD -> "everyone in " + channel(c.channelId())
                    + ": your answers are posted in the check-in's thread under your name.";
            case ANONYMOUS -> "nobody by name, not even " + mention(c.leaderId()) + ". Once at least "
                    + c.anonymousThreshold() + " people have answered, a summary without names is shared in "
                    + channel(c.channelId()) + " and with " + mention(c.leaderId())
                    + " (your words may be quoted in it). With fewer, nobody sees the answers.";
        };
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
