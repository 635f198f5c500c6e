package org.alliance.history;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import org.alliance.agreements.AgreementButtons;
import org.alliance.agreements.AgreementHistory;
import org.alliance.checkin.CheckInHistory;
import org.alliance.checkin.Visibility;
import org.alliance.commitments.CommitmentHistory;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The history modal. Pure: it builds views and never calls Slack. Each check-in takes at most
 * six blocks (heading, up to three answer sections, commitments, divider) and every section is
 * cut to Slack's 3000 characters, so a page of {@link Histories#PAGE_SIZE} stays well inside a
 * view's 100 blocks.
 */
final class HistoryModal {

    static final String NEWER = "history_newer";
    static final String OLDER = "history_older";
    static final int MAX_SECTION = 3000;
    static final int MAX_ANSWER_SECTIONS = 3;
    private static final int MAX_REASON = 500;
    private static final int MAX_COMMITMENT = 400;
    private static final String MORE = "_…cut short: more was said than fits here._";

    private HistoryModal() {
    }

    static View loading() {
        return modal(List.of(section(s -> s.text(markdownText("Looking through your check-ins…")))));
    }

    static View failed(String message) {
        return modal(List.of(section(s -> s.text(markdownText(message)))));
    }

    static View of(Histories.Shown shown) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String intro = shown.own()
                ? "*Your answers*, from every check-in you were asked in, newest first. Only you can see this."
                : "*You and <@" + shown.personId() + ">*: every check-in you asked them in, newest first, "
                        + "as much as each one promised you. Only you can see this.";
        blocks.add(section(s -> s.text(markdownText(intro))));
        blocks.add(divider());
        for (AgreementHistory.Summary agreed : shown.agreements()) {
            blocks.add(section(s -> s.text(markdownText(cut(agreed.mrkdwn())))
                    .accessory(AgreementButtons.versions(agreed.leaderId(), agreed.memberId()))));
        }
        if (!shown.agreements().isEmpty()) {
            blocks.add(divider());
        }
        CheckInHistory.Page page = shown.page();
        if (page.entries().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("_Nothing older._"))));
        }
        for (CheckInHistory.Entry e : page.entries()) {
            blocks.add(section(s -> s.text(markdownText(cut(heading(e, shown.own()))))));
            for (String answers : answerSections(e)) {
                blocks.add(section(s -> s.text(markdownText(answers))));
            }
            List<CommitmentHistory.Item> made = shown.commitments().getOrDefault(e.checkInId(), List.of());
            if (!made.isEmpty()) {
                blocks.add(section(s -> s.text(markdownText(cut(commitments(e, made, shown.own()))))));
            }
            blocks.add(divider());
        }
        blocks.add(context(c -> c.elements(asContextElements(markdownText(position(page))))));
        List<BlockElement> buttons = new ArrayList<>();
        String who = shown.own() ? "" : shown.personId();
        if (page.hasNewer()) {
            buttons.add(button(b -> b.actionId(NEWER).text(plainText("Newer")).value((page.number() - 1) + ":" + who)));
        }
        if (page.hasOlder()) {
            buttons.add(button(b -> b.actionId(OLDER).text(plainText("Older")).value((page.number() + 1) + ":" + who)));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.elements(buttons)));
        }
        return modal(blocks);
    }

    static String heading(CheckInHistory.Entry e, boolean own) {
        StringBuilder text = new StringBuilder("*").append(SlackText.escape(e.title())).append("*  ·  ")
                .append(SlackDates.date(e.startedAt())).append("  ·  `").append(e.checkInId()).append('`');
        if (own) {
            text.append("\nAsked by <@").append(e.leaderId()).append(">. ");
        } else {
            text.append('\n');
        }
        text.append(shared(e.visibility(), own, e.leaderId())).append('\n');
        text.append(switch (e.part()) {
            case ANSWERED -> own ? "You answered:" : "They answered:";
            case SKIPPED -> (own ? "You skipped it" : "They skipped it") + (e.skipReason() == null
                    ? ", with no reason given."
                    : ": " + (e.away() ? e.skipReason() : SlackText.escape(SlackText.truncate(e.skipReason(), MAX_REASON))));
            case MISSED -> "No answer before it ended.";
            case WAITING -> "Not answered yet: the check-in is still open.";
            case NOT_SHOWN -> e.visibility() == Visibility.ANONYMOUS
                    ? "They were asked. Answers and skips in an anonymous check-in are never shown with a name, "
                            + "so theirs aren't here."
                    : "Not yours to see.";
        });
        return text.toString();
    }

    private static String shared(Visibility visibility, boolean own, String leaderId) {
        return switch (visibility == null ? Visibility.LEADER : visibility) {
            case LEADER -> own ? "_Shared with <@" + leaderId + "> only._" : "_Shared with you only._";
            case THREAD -> "_Shared in the check-in's thread._";
            case ANONYMOUS -> own ? "_Anonymous: nobody ever saw this with your name._" : "_Anonymous._";
        };
    }

    /** The answers, packed into as few sections as fit, at most {@link #MAX_ANSWER_SECTIONS}. */
    static List<String> answerSections(CheckInHistory.Entry e) {
        List<String> sections = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (CheckInHistory.Said said : e.answers()) {
            // Room is kept for the "more" note, so a cut-short history always says so.
            String piece = SlackText.truncate("_" + SlackText.escape(said.question()) + "_\n> "
                    + SlackText.escape(said.answer()).replace("\n", "\n> "), MAX_SECTION - MORE.length() - 1);
            if (!current.isEmpty() && current.length() + 1 + piece.length() > MAX_SECTION) {
                if (sections.size() == MAX_ANSWER_SECTIONS - 1) {
                    current.append('\n').append(MORE);
                    break;
                }
                sections.add(current.toString());
                current.setLength(0);
            }
            current.append(current.isEmpty() ? "" : "\n").append(piece);
        }
        if (!current.isEmpty()) {
            sections.add(current.toString());
        }
        return sections;
    }

    private static String commitments(CheckInHistory.Entry e, List<CommitmentHistory.Item> made, boolean own) {
        StringBuilder text = new StringBuilder(own ? "*What <@" + e.leaderId() + "> committed to*" : "*What you committed to*");
        for (CommitmentHistory.Item c : made) {
            text.append("\n• ").append(SlackText.escape(SlackText.truncate(c.text(), MAX_COMMITMENT))).append(" - ");
            if (!c.done()) {
                text.append("open, due ").append(SlackDates.date(c.dueAt())).append('.');
            } else {
                text.append("done ").append(SlackDates.date(c.doneAt())).append(". Did it help? ")
                        .append(c.helped() == null ? "_No reply yet._" : "*" + c.helped() + "*");
            }
        }
        return text.toString();
    }

    private static String position(CheckInHistory.Page page) {
        long first = (long) page.number() * page.size() + 1;
        long last = first + page.entries().size() - 1;
        return page.entries().isEmpty() ? page.total() + " check-ins in all."
                : "Check-ins " + first + "–" + last + " of " + page.total() + ".";
    }

    private static String cut(String mrkdwn) {
        return SlackText.truncate(mrkdwn, MAX_SECTION);
    }

    private static View modal(List<LayoutBlock> blocks) {
        return view(v -> v.type("modal").callbackId("history")
                .title(viewTitle(t -> t.type("plain_text").text("History")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(blocks));
    }
}
