package org.alliance.checkin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import org.alliance.questions.Question;
import org.alliance.questions.QuestionKind;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.alliance.slack.SlackText.escape;

/**
 * Renders every check-in message as Block Kit blocks plus a short fallback {@code text} for
 * notifications. Pure functions of their arguments (the anonymous summary takes its randomness
 * as an argument). Every piece of user text (title, objective, questions, answers, reasons,
 * names) is escaped here, so nothing a person types can ever become a mention or a link.
 */
final class CheckInBlocks {

    public static final String ANSWER_ACTION = "checkin_answer";
    public static final String SKIP_ACTION = "checkin_skip";
    public static final String EDIT_ACTION = "checkin_edit";

    /** A message to send: {@code text} is the notification and fallback, {@code blocks} what is shown. */
    public record Message(String text, List<LayoutBlock> blocks) {
    }

    static final int MAX_BLOCKS = 50;
    /** Slack's limit for a section's text. */
    static final int MAX_SECTION_TEXT = 3000;
    /** Slack's limit for one section field. */
    static final int MAX_FIELD_TEXT = 2000;
    /** Each answer in an anonymous summary is shortened to this, so many answers fit one message. */
    static final int SUMMARY_ANSWER_CHARS = 1000;
    private static final String QUOTE = "> ";

    private CheckInBlocks() {
    }

    // ---- the parent message in the channel -----------------------------------------------------

    public static Message parent(CheckIn c, Progress progress, String leaderName) {
        Out b = new Out();
        b.section("*Check-in: " + escape(c.title()) + "*\n" + mention(c.leaderId())
                + (c.isOpen() ? " is checking in with " : " checked in with ") + people(c.participants().size()) + ".");
        if (!c.isOpen()) {
            b.section(endedLine(c));
        }
        objective(b, c);
        b.section("*Asked:* " + mentions(c.participants(), MAX_SECTION_TEXT - 100));
        b.fields("*Due*\n" + SlackDates.format(c.dueAt()), "*Progress*\n" + progress.summary());
        b.section("*Who sees the answers:* " + visibilityForChannel(c));
        b.context("Check-in `" + c.id() + "`" + (c.isOpen() ? "  ·  " + threadNote(c) : ""));
        String text = c.isOpen()
                ? plain(leaderName) + " is checking in: " + escape(c.title()) + ". " + progress.summary() + "."
                : "Check-in " + escape(c.title()) + " has " + c.endedWord() + ". " + progress.summary() + ".";
        return b.message(text);
    }

    private static String endedLine(CheckIn c) {
        String at = c.closedAt() == null ? "" : " " + SlackDates.format(c.closedAt());
        return switch (c.status()) {
            case OPEN -> "";
            case COMPLETED -> ":white_check_mark: *Completed*: everyone has answered or skipped.";
            case CLOSED -> ":lock: *Closed* at the due time" + (at.isEmpty() ? "." : ", " + at.strip() + ".");
            case STOPPED -> ":octagonal_sign: *Stopped* by " + mention(c.leaderId()) + (at.isEmpty() ? "." : at + ".");
        };
    }

    private static String threadNote(CheckIn c) {
        return switch (c.visibility()) {
            case LEADER -> "Answers go privately to " + mention(c.leaderId());
            case THREAD -> "Answers are posted in this thread";
            case ANONYMOUS -> "A summary without names will be posted in this thread";
        };
    }

    /** Who sees the answers, said to the channel. */
    public static String visibilityForChannel(CheckIn c) {
        return switch (c.visibility()) {
            case LEADER -> "only " + mention(c.leaderId()) + ", in a direct message.";
            case THREAD -> "everyone in this channel: each answer is posted in this thread under its author's name.";
            case ANONYMOUS -> "nobody by name. Once at least " + c.anonymousThreshold()
                    + " people have answered, a summary without names is posted in this thread; "
                    + "with fewer, the answers stay unseen.";
        };
    }

    /** Who will see the answers, said to a participant. */
    public static String visibilityForParticipant(CheckIn c) {
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

    /** Why a parent could not be posted, for the leader. */
    public static String cannotPost(String channelId, String error) {
        String where = channel(channelId);
        String e = error == null ? "unknown_error" : error;
        return switch (e) {
            case "not_in_channel" -> "I'm not in " + where + ". Invite me with `/invite @Alliance` and try again.";
            case "channel_not_found" -> "I can't see that channel: it's private or doesn't exist. If it's private, "
                    + "invite me with `/invite @Alliance` there and try again.";
            case "is_archived" -> where + " is archived, so I can't post there. Please pick another channel.";
            case "thread_not_found", "message_not_found" -> "I can't find the thread to post in: it may have been "
                    + "deleted. Please start the check-in again in " + where + ".";
            case "restricted_action", "restricted_action_read_only_channel", "restricted_action_thread_only_channel",
                 "restricted_action_non_threadable_channel", "cannot_post", "ekm_access_denied",
                 "team_access_not_granted", "not_allowed_token_type", "missing_scope" ->
                    "I'm not allowed to post in " + where + " (Slack said `" + e + "`). Please pick another "
                            + "channel, or ask an admin to let me post there.";
            default -> "I couldn't post in " + where + " (Slack said `" + escape(e) + "`). Please try again in a "
                    + "moment, or pick another channel.";
        };
    }

    // ---- the participant's DM ------------------------------------------------------------------

    /** The invitation as it should look now: pending, answered, skipped, missed or ended. */
    public static Message invitation(CheckIn c, Response r, String leaderName) {
        ResponseStatus status = r.status();
        if (status == ResponseStatus.PENDING && c.isOpen()) {
            return pendingInvitation(c, leaderName);
        }
        Out b = new Out();
        switch (status) {
            case ANSWERED -> {
                invitationHeader(b, c);
                if (c.isOpen()) {
                    b.section(":white_check_mark: *Thank you, your answers are in.* Here is what you said:");
                    ownAnswers(b, c, r);
                    b.context("You can change your answers until " + SlackDates.format(c.dueAt()) + ". Check-in `"
                            + c.id() + "`");
                    b.tail(actions(List.of(button(x -> x.actionId(EDIT_ACTION).value(c.id())
                            .text(plainText("Edit"))))));
                } else {
                    b.section(":white_check_mark: *You answered.* This check-in has " + c.endedWord()
                            + ". Here is what you said:");
                    ownAnswers(b, c, r);
                    b.context("Check-in `" + c.id() + "`");
                }
                return b.message("Your answers to " + plain(leaderName) + "'s check-in " + escape(c.title()));
            }
            case SKIPPED -> {
                compactHeader(b, c);
                String reason = r.skipReason() == null || r.skipReason().isBlank() ? ""
                        : "\nYour reason:\n" + quote(r.skipReason());
                b.section(":zzz: *You skipped this one.*" + reason);
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
                b.context("Check-in `" + c.id() + "`");
                return b.message("The check-in " + escape(c.title()) + " has closed");
            }
            default -> {
                // Pending, but the check-in has ended: stopped (closing turns pending into missed).
                compactHeader(b, c);
                b.section(c.status() == CheckInStatus.STOPPED
                        ? ":octagonal_sign: " + mention(c.leaderId()) + " stopped this check-in; no answer needed."
                        : ":hourglass: This check-in has " + c.endedWord() + "; no answer needed.");
                b.context("Check-in `" + c.id() + "`");
                return b.message("The check-in " + escape(c.title()) + " has " + c.endedWord());
            }
        }
    }

    private static Message pendingInvitation(CheckIn c, String leaderName) {
        Out b = new Out();
        invitationHeader(b, c);
        int n = c.questions().size();
        b.context(":calendar: Due " + SlackDates.format(c.dueAt()) + "  ·  " + n + (n == 1 ? " question" : " questions")
                + "  ·  Check-in `" + c.id() + "`");
        b.divider();
        Question first = c.questions().get(0);
        b.section("*" + (n == 1 ? "The question" : "First question") + ":* " + escape(first.text()));
        b.context("Press *Answer* to answer in a form, or reply in this thread to answer here, one question at a time "
                + "(reply `skip` to leave one out)."
                + (first.kind() == QuestionKind.SCALE ? " For this one, reply with a number from 1 to 5." : ""));
        b.tail(actions(List.of(
                button(x -> x.actionId(ANSWER_ACTION).value(c.id()).style("primary").text(plainText("Answer"))),
                button(x -> x.actionId(SKIP_ACTION).value(c.id()).text(plainText("Not now"))))));
        return b.message(plain(leaderName) + " is checking in: " + escape(c.title()) + ". Due "
                + SlackDates.format(c.dueAt()) + ".");
    }

    private static void invitationHeader(Out b, CheckIn c) {
        b.section(mention(c.leaderId()) + " is checking in: *" + escape(c.title()) + "*");
        objective(b, c);
        b.section("*Who will see your answers:* " + capitalised(visibilityForParticipant(c)));
    }

    private static void compactHeader(Out b, CheckIn c) {
        b.section(mention(c.leaderId()) + "'s check-in: *" + escape(c.title()) + "*");
    }

    /** The participant's own view: every question, with "left out" where they gave no answer. */
    private static void ownAnswers(Out b, CheckIn c, Response r) {
        for (Question q : c.questions()) {
            String answer = r.answers().get(q.id());
            if (answer == null || answer.isBlank()) {
                b.section("*" + escape(q.text()) + "*\n_left out_");
            } else {
                questionAndAnswer(b, q, answer);
            }
        }
    }

    /** One question of the DM thread. */
    public static Message question(CheckIn c, int index) {
        int n = c.questions().size();
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("check-in " + c.id() + " has no question " + index);
        }
        Question q = c.questions().get(index);
        String label = "Question " + (index + 1) + " of " + n;
        Out b = new Out();
        b.section("*" + label + ":* " + escape(q.text()));
        b.context(q.kind() == QuestionKind.SCALE
                ? "Reply with a number from 1 to 5, or `skip` to leave this one out."
                : "Reply in this thread, or `skip` to leave this one out.");
        return b.message(label + ": " + escape(q.text()));
    }

    // ---- the leader ----------------------------------------------------------------------------

    public static Message leaderThread(CheckIn c) {
        String line = "Answers to your check-in *" + escape(c.title()) + "* (`" + c.id()
                + "`) will arrive in this thread, visible only to you.";
        Out b = new Out();
        b.section(":lock: " + line);
        return b.message(line);
    }

    /** One person's answers, under their name (thread share, or the leader's DM thread). */
    public static Message sharedAnswer(CheckIn c, Response r, String authorName, boolean edited) {
        Out b = new Out();
        b.section(mention(r.userId()) + (edited ? " answered _(edited)_:" : " answered:"));
        Map<String, String> answers = r.orderedAnswers(c);
        if (answers.isEmpty()) {
            b.section("_No answers given._");
        }
        answers.forEach((questionId, answer) -> c.question(questionId)
                .ifPresent(q -> questionAndAnswer(b, q, answer)));
        b.context("Check-in `" + c.id() + "`");
        if (c.visibility() != Visibility.ANONYMOUS) {
            b.tail(actions(List.of(button(bt -> bt.actionId(FollowUpButton.ACTION_ID)
                    .value(new FollowUpButton(c.id(), r.userId()).value()).text(plainText("Follow up"))))));
        }
        return b.message(plain(authorName) + (edited ? " edited their answer to " : " answered ") + escape(c.title()));
    }

    /**
     * The unattributed summary: per question, text answers in a random order and scale answers
     * as an average and a count per value. Only answered responses count. Nothing in it names or
     * points at anyone: no ids, no times, no order that follows the participants.
     */
    public static Message anonymousSummary(CheckIn c, List<Response> responses, Random random) {
        List<Response> answered = responses.stream().filter(r -> r.status() == ResponseStatus.ANSWERED).toList();
        Out b = new Out();
        b.section(":busts_in_silhouette: *Anonymous summary: " + escape(c.title()) + "*\n"
                + people(answered.size()) + " answered. Answers are shown without names, in a random order.");
        for (Question q : c.questions()) {
            List<String> values = new ArrayList<>();
            for (Response r : answered) {
                String a = r.answers().get(q.id());
                if (a != null && !a.isBlank()) {
                    values.add(a.strip());
                }
            }
            b.divider();
            if (values.isEmpty()) {
                b.section("*" + escape(q.text()) + "*\n_No answers._");
            } else if (q.kind() == QuestionKind.SCALE) {
                b.section("*" + escape(q.text()) + "*\n" + scaleSummary(values));
            } else {
                Collections.shuffle(values, random);
                StringBuilder text = new StringBuilder("*").append(escape(q.text())).append("*");
                for (String v : values) {
                    String escaped = escape(SlackText.truncate(v, SUMMARY_ANSWER_CHARS)).replace("\r\n", "\n");
                    text.append('\n').append("> • ").append(escaped.replace("\n", "\n>    "));
                }
                b.section(text.toString(), QUOTE);
            }
        }
        b.context("Check-in `" + c.id() + "`");
        return b.message("Anonymous summary of " + escape(c.title()) + ": " + people(answered.size()) + " answered");
    }

    private static String scaleSummary(List<String> values) {
        Map<Integer, Integer> counts = new TreeMap<>();
        int sum = 0;
        int n = 0;
        for (String v : values) {
            try {
                int value = Integer.parseInt(v.strip());
                if (value >= 1 && value <= 5) {
                    counts.merge(value, 1, Integer::sum);
                    sum += value;
                    n++;
                }
            } catch (NumberFormatException ignored) {
                // a scale answer is validated on the way in; anything else is left out of the numbers
            }
        }
        if (n == 0) {
            return "_No answers._";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Average *%.1f* out of 5, from %d %s", (double) sum / n,
                n, n == 1 ? "answer" : "answers"));
        for (int value = 5; value >= 1; value--) {
            int count = counts.getOrDefault(value, 0);
            s.append("\n`").append(value).append("` ").append("▇".repeat(Math.min(count, 30)))
                    .append(count == 0 ? "" : " ").append(count);
        }
        return s.toString();
    }

    public static Message belowThreshold(CheckIn c, int answered) {
        String line = "Your anonymous check-in *" + escape(c.title()) + "* (`" + c.id() + "`) got "
                + (answered == 1 ? "only 1 answer" : answered == 0 ? "no answers" : "only " + answered + " answers")
                + ", fewer than the " + c.anonymousThreshold() + " needed for a summary. To protect everyone's "
                + "anonymity, the answers stay unseen, by you and by everyone else.";
        Out b = new Out();
        b.section(":lock: " + line);
        return b.message("Your anonymous check-in " + escape(c.title()) + " ended below its threshold; the answers stay unseen");
    }

    /**
     * The leader's summary when a check-in ends. For an anonymous check-in, who answered and who
     * skipped are one list (so a skip reason can't be tied to a name by elimination), and the
     * reasons are shown without names, shuffled, and only when enough people responded.
     *
     * @param threadLink mrkdwn pointing at the check-in thread (a permalink, or the channel)
     * @param answersLink for a leader-only check-in, mrkdwn pointing at the DM thread of answers; may be null
     */
    public static Message leaderSummary(CheckIn c, List<Response> responses, String threadLink, String answersLink,
                                        Random random) {
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
        b.section("*" + escape(c.title()) + "* (`" + c.id() + "`) " + endedForLeader(c) + "\n" + progress.summary() + ".");
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
        StringBuilder where = new StringBuilder();
        if (answersLink != null) {
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

    private static String endedForLeader(CheckIn c) {
        return switch (c.status()) {
            case OPEN -> "is still open.";
            case COMPLETED -> "is complete: everyone has answered or skipped.";
            case CLOSED -> "closed at its due time.";
            case STOPPED -> "was stopped.";
        };
    }

    // ---- shared pieces -------------------------------------------------------------------------

    private static void objective(Out b, CheckIn c) {
        if (c.objective() != null && !c.objective().isBlank()) {
            b.section(quote(c.objective()), QUOTE);
        }
    }

    private static void questionAndAnswer(Out b, Question q, String answer) {
        String shown = q.kind() == QuestionKind.SCALE
                ? QUOTE + escape(answer.strip()) + " / 5"
                : quote(answer);
        b.section("*" + escape(q.text()) + "*\n" + shown, QUOTE);
    }

    /** User text as a Slack block quote, escaped, line by line. */
    static String quote(String raw) {
        String escaped = escape(raw.strip()).replace("\r\n", "\n").replace('\r', '\n');
        return QUOTE + escaped.replace("\n", "\n" + QUOTE);
    }

    static String oneLine(String raw) {
        return escape(SlackText.truncate(raw.strip(), 500)).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    static String mention(String userId) {
        return "<@" + userId + ">";
    }

    static String channel(String channelId) {
        return "<#" + channelId + ">";
    }

    private static String userList(List<Response> responses) {
        if (responses.isEmpty()) {
            return "nobody";
        }
        return mentions(responses.stream().map(Response::userId).toList(), MAX_SECTION_TEXT - 100);
    }

    /** Mentions joined with commas, ending in "and N more" when they would not fit {@code max} characters. */
    static String mentions(List<String> userIds, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < userIds.size(); i++) {
            String next = (i == 0 ? "" : ", ") + mention(userIds.get(i));
            if (s.length() + next.length() > max - 20) {
                return s + " and " + (userIds.size() - i) + " more";
            }
            s.append(next);
        }
        return s.toString();
    }

    private static String people(int n) {
        return n == 1 ? "1 person" : n + " people";
    }

    /** A display name for plain text: escaped, with a neutral word when unknown. */
    private static String plain(String name) {
        return name == null || name.isBlank() ? "Someone" : escape(name);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Splits mrkdwn into pieces of at most {@code max} characters: at a line break if one is near,
     * else at a space, else anywhere that is not inside an escape like {@code &amp;}, a
     * {@code <…>} token or a surrogate pair. A piece cut mid-line starts with {@code continuation}
     * (for quoted text, {@code "> "}), so it keeps its formatting.
     */
    static List<String> split(String text, int max, String continuation) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            boolean atLineBreak = cut > max / 2;
            if (!atLineBreak) {
                cut = rest.lastIndexOf(' ', max);
                if (cut <= max / 2) {
                    cut = safeCut(rest, max);
                }
            }
            pieces.add(rest.substring(0, cut));
            rest = atLineBreak ? rest.substring(cut + 1) : continuation + rest.substring(cut).stripLeading();
        }
        pieces.add(rest);
        return pieces;
    }

    private static int safeCut(String s, int max) {
        int cut = max;
        int amp = s.lastIndexOf('&', cut - 1);
        if (amp >= 0 && cut - amp < 6 && s.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        int open = s.lastIndexOf('<', cut - 1);
        if (open > 0 && s.lastIndexOf('>', cut - 1) < open && s.indexOf('>', open) >= cut) {
            cut = open;
        }
        return Math.max(1, SlackText.safeCut(s, cut));
    }

    /** Collects blocks within Slack's limits, keeping trailing blocks (buttons) however long the body is. */
    static final class Out {
        private final List<LayoutBlock> body = new ArrayList<>();
        private final List<LayoutBlock> tail = new ArrayList<>();
        private boolean shortened;

        void section(String mrkdwn) {
            section(mrkdwn, "");
        }

        void section(String mrkdwn, String continuation) {
            for (String piece : split(mrkdwn, MAX_SECTION_TEXT, continuation)) {
                add(Blocks.section(s -> s.text(markdownText(piece))));
            }
        }

        void fields(String... mrkdwn) {
            List<TextObject> fields = new ArrayList<>();
            for (String f : mrkdwn) {
                fields.add(markdownText(SlackText.truncate(f, MAX_FIELD_TEXT)));
            }
            add(Blocks.section(s -> s.fields(fields)));
        }

        void context(String mrkdwn) {
            add(Blocks.context(List.of(markdownText(SlackText.truncate(mrkdwn, MAX_FIELD_TEXT)))));
        }

        void divider() {
            add(Blocks.divider());
        }

        void tail(LayoutBlock block) {
            tail.add(block);
        }

        private void add(LayoutBlock block) {
            // Leave room for the note that the message was shortened, and for the trailing blocks.
            if (shortened || body.size() >= MAX_BLOCKS - 1 - tail.size()) {
                shortened = true;
                return;
            }
            body.add(block);
        }

        Message message(String text) {
            List<LayoutBlock> all = new ArrayList<>(body);
            if (shortened) {
                all.add(Blocks.context(List.of(markdownText("… _Shortened to fit in one Slack message._"))));
            }
            all.addAll(tail);
            return new Message(SlackText.truncate(text, 3000), List.copyOf(all));
        }
    }
}
