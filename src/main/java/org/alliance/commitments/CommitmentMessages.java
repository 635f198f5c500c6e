package org.alliance.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static org.alliance.slack.SlackText.escape;

/**
 * Every commitment message, as blocks plus a notification text. Pure; the commitment's text is
 * escaped everywhere it is shown, so what a leader types can never mention or link anyone.
 */
final class CommitmentMessages {

    /** A message to send: {@code text} is the notification and fallback, {@code blocks} what is shown. */
    record Message(String text, List<LayoutBlock> blocks) {
    }

    /** The leader's own calendar day: the same words for both sides, whatever their time zones. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final int LIST_TEXT = 200;
    /** Room for a quoted commitment in one section, beside the words around it. */
    private static final int MAX_QUOTE = 2000;

    private CommitmentMessages() {
    }

    /** @param reminders when the leader will be reminded (as scheduled): the message promises exactly these */
    static Message confirmation(Commitment c, List<Instant> reminders) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":handshake: You committed to " + mention(c.memberId()) + ":\n"
                + quote(c.text()) + "\nBy *" + day(c.dueDate()) + "*."))));
        blocks.add(context(x -> x.elements(asContextElements(markdownText("Only you and " + mention(c.memberId())
                + " see this. I've told them, " + remindersPromised(reminders) + " " + ids(c))))));
        blocks.add(actions(a -> a.elements(asElements(CommitmentButtons.doneButton(c.id())))));
        return new Message("You committed to " + mention(c.memberId()) + ": " + oneLine(c.text()) + " by "
                + day(c.dueDate()), blocks);
    }

    private static String remindersPromised(List<Instant> reminders) {
        if (reminders.isEmpty()) {
            return "and as its due time (" + Commitment.DUE_TIME + " your time) has passed, I won't send a reminder.";
        }
        return "and I'll remind you " + String.join(" and ", reminders.stream().map(SlackDates::format).toList()) + ".";
    }

    static Message toMember(Commitment c) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":handshake: " + mention(c.leaderId()) + " committed to:\n"
                + quote(c.text()) + "\nby *" + day(c.dueDate()) + "*."))));
        blocks.add(context(x -> x.elements(asContextElements(markdownText("A follow-up to your check-in answer. "
                + "Only you and " + mention(c.leaderId()) + " see this.")))));
        return new Message(mention(c.leaderId()) + " committed to: " + oneLine(c.text()) + " by " + day(c.dueDate()),
                blocks);
    }

    static Message reminder(Commitment c, CommitmentReminders.When when) {
        String head = when == CommitmentReminders.When.BEFORE
                ? ":alarm_clock: *Coming up:* your commitment to " + mention(c.memberId()) + " is due *"
                        + day(c.dueDate()) + "*:"
                : ":alarm_clock: *Due today:* your commitment to " + mention(c.memberId()) + ":";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(head + "\n" + quote(c.text())))));
        blocks.add(context(x -> x.elements(asContextElements(markdownText(ids(c))))));
        blocks.add(actions(a -> a.elements(asElements(CommitmentButtons.doneButton(c.id())))));
        String text = (when == CommitmentReminders.When.BEFORE ? "Coming up " + day(c.dueDate()) : "Due today")
                + ": your commitment to " + mention(c.memberId()) + ": " + oneLine(c.text());
        return new Message(text, blocks);
    }

    /** What the leader's clicked message becomes once it is done. */
    static Message doneForLeader(Commitment c) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":white_check_mark: *Done:* your commitment to "
                + mention(c.memberId()) + ":\n" + quote(c.text())))));
        blocks.add(context(x -> x.elements(asContextElements(markdownText("Marked done " + when(c.doneAt())
                + ". I've asked " + mention(c.memberId()) + " whether it helped. " + ids(c))))));
        return new Message("Done: your commitment to " + mention(c.memberId()) + ": " + oneLine(c.text()), blocks);
    }

    static Message askHelped(Commitment c) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":white_check_mark: " + mention(c.leaderId())
                + " marked this done:\n" + quote(c.text()) + "\n*Did it help?*"))));
        blocks.add(actions(a -> a.elements(new ArrayList<>(CommitmentButtons.helpedButtons(c.id())))));
        blocks.add(context(x -> x.elements(asContextElements(markdownText("Only " + mention(c.leaderId())
                + " will see your answer.")))));
        return new Message(mention(c.leaderId()) + " marked this done: " + oneLine(c.text()) + " Did it help?", blocks);
    }

    /** What the member's question becomes once they answer. */
    static Message thanks(Commitment c) {
        String line = "Thanks — " + mention(c.leaderId()) + " will see your answer.";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":pray: " + line))));
        blocks.add(section(s -> s.text(markdownText(mention(c.leaderId()) + " marked this done:\n" + quote(c.text())
                + "\nYou said: *" + label(c) + "*"))));
        return new Message(line, blocks);
    }

    static Message helpedForLeader(Commitment c) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":speech_balloon: Did your commitment help "
                + mention(c.memberId()) + "? They said *" + label(c) + "*.\n" + quote(c.text())))));
        blocks.add(context(x -> x.elements(asContextElements(markdownText(ids(c))))));
        return new Message(mention(c.memberId()) + " says your commitment helped: " + label(c), blocks);
    }

    static String alreadyDone(Commitment c) {
        return ":white_check_mark: Already done: you marked this commitment done " + when(c.doneAt())
                + ". Nothing more to do.";
    }

    static String alreadyRated(Commitment c) {
        return "You already answered *" + label(c) + "*. Thanks!";
    }

    /** {@code /alliance commitments}: only what is between the asker and someone else. */
    static String list(Commitments.Mine mine) {
        StringBuilder text = new StringBuilder("*Your open commitments*\n");
        if (mine.made().isEmpty()) {
            text.append("_None. Press *Follow up* under someone's check-in answer to commit to something._\n");
        }
        for (Commitment c : mine.made()) {
            text.append("• To ").append(mention(c.memberId())).append(": ").append(listText(c))
                    .append(" - due ").append(day(c.dueDate())).append(" (check-in `").append(c.checkInId())
                    .append("`)\n");
        }
        text.append("\n*Committed to you*\n");
        if (mine.toMe().isEmpty()) {
            text.append("_Nothing open._");
        }
        for (Commitment c : mine.toMe()) {
            text.append("• By ").append(mention(c.leaderId())).append(": ").append(listText(c))
                    .append(" - due ").append(day(c.dueDate())).append('\n');
        }
        return text.toString().strip();
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    private static String when(Instant at) {
        if (at == null) {
            return "";
        }
        // Slack shows this in each reader's own time zone.
        return SlackDates.date(at);
    }

    private static String ids(Commitment c) {
        return "Commitment `" + c.id() + "`" + (c.checkInId() == null ? "" : " · check-in `" + c.checkInId() + "`");
    }

    private static String label(Commitment c) {
        return c.helped() == null ? "" : c.helped().label();
    }

    private static String mention(String userId) {
        return "<@" + userId + ">";
    }

    /** The commitment as a Slack block quote, escaped, line by line. */
    private static String quote(String raw) {
        String text = raw.strip().replace("\r\n", "\n").replace('\r', '\n');
        String quoted = quoted(text, "");
        // Escaping and quoting make a text longer; a section holds 3000 characters in all.
        while (quoted.length() > MAX_QUOTE) {
            int cut = SlackText.safeCut(text, Math.max(1, (int) ((long) text.length() * MAX_QUOTE / quoted.length()) - 1));
            text = text.substring(0, cut);
            quoted = quoted(text, "…");
        }
        return quoted;
    }

    private static String quoted(String text, String suffix) {
        return "> " + (escape(text) + suffix).replace("\n", "\n> ");
    }

    private static String oneLine(String raw) {
        return escape(raw.strip()).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static String listText(Commitment c) {
        return escape(SlackText.truncate(c.text().strip(), LIST_TEXT)).replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
