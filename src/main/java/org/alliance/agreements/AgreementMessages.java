package org.alliance.agreements;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import org.alliance.agreements.AgreementButtons.Ref;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;

/**
 * Every agreement message, as blocks plus a notification text. Pure. Every one says that only the
 * two of them see it, and every point and suggestion is escaped, so what was typed can never
 * mention or link anyone.
 */
final class AgreementMessages {

    record Message(String text, List<LayoutBlock> blocks) {
    }

    static final String TITLE = "How we work together";
    private static final int MAX_SECTION = 2900;

    private AgreementMessages() {
    }

    /** To the person: the proposed version, with what changed, and Confirm / Suggest a change. */
    static Message proposal(Agreement a, Agreement.Version v) {
        List<LayoutBlock> blocks = new ArrayList<>(proposalBody(a, v, ":handshake: <@" + a.leaderId()
                + "> wrote down how you work together (version " + v.number() + "). Please confirm it, "
                + "or suggest a change."));
        Ref ref = new Ref(a.leaderId(), a.memberId(), v.number());
        blocks.add(actions(x -> x.elements(List.<BlockElement>of(
                AgreementButtons.button(AgreementButtons.CONFIRM, "Confirm", ref, "primary"),
                AgreementButtons.button(AgreementButtons.SUGGEST, "Suggest a change", ref, null)))));
        return new Message("<@" + a.leaderId() + "> proposes an agreement on how you work together. "
                + onlyTwo(a.leaderId()), blocks);
    }

    /** The person's proposal message once they confirmed it: the buttons are gone. */
    static Message confirmedForMember(Agreement a, Agreement.Version v) {
        List<LayoutBlock> blocks = new ArrayList<>(proposalBody(a, v, ":white_check_mark: You confirmed how you and <@"
                + a.leaderId() + "> work together (version " + v.number() + ") on " + SlackDates.date(v.confirmedAt())
                + ". I've told them."));
        return new Message("You confirmed your agreement with <@" + a.leaderId() + ">.", blocks);
    }

    static Message confirmedForLeader(Agreement a, Agreement.Version v) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":white_check_mark: <@" + a.memberId()
                + "> confirmed how you work together (version " + v.number() + ") on "
                + SlackDates.date(v.confirmedAt()) + ":\n" + bullets(v.points())))));
        blocks.add(privacy(a.memberId(), "`/alliance history <@" + a.memberId() + ">` shows it and its earlier "
                + "versions. I'll ask you both whether it still holds on " + SlackDates.date(a.reviewAt()) + "."));
        return new Message("<@" + a.memberId() + "> confirmed your agreement.", blocks);
    }

    /** To the leader after sending: what went and who will see it. */
    static Message sent(Agreement a, Agreement.Version v) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(":outbox_tray: I sent version " + v.number()
                + " of how you work together to <@" + a.memberId() + "> to confirm:\n" + bullets(v.points())))));
        changes(a, v).ifPresent(c -> blocks.add(section(s -> s.text(markdownText(c)))));
        blocks.add(privacy(a.memberId(), "I'll tell you when they confirm it or suggest a change."));
        return new Message("I sent your agreement to <@" + a.memberId() + ">. " + onlyTwo(a.memberId()), blocks);
    }

    static Message suggestion(Agreement a, Agreement.Version v) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(cut(":speech_balloon: <@" + a.memberId()
                + "> suggests a change to your agreement:\n" + quote(v.suggestion())
                + "\n\nVersion " + v.number() + " as you sent it:\n" + bullets(v.points()))))));
        blocks.add(privacy(a.memberId(), "*Revise* opens it again, so you can send a new version."));
        blocks.add(actions(x -> x.elements(List.<BlockElement>of(AgreementButtons.button(AgreementButtons.REVISE,
                "Revise", new Ref(a.leaderId(), a.memberId(), v.number()), "primary")))));
        return new Message("<@" + a.memberId() + "> suggests a change to your agreement: "
                + SlackText.escape(SlackText.truncate(v.suggestion(), 200)), blocks);
    }

    static String suggestionSent(Agreement a) {
        return ":speech_balloon: I passed your suggestion to <@" + a.leaderId() + ">; a revised version will come "
                + "here. " + onlyTwo(a.leaderId());
    }

    /** The review, to either of them: does the agreement still hold? */
    static Message review(Agreement a, Agreement.Version v, String otherId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(cut(":mag: Time to look again at how you and <@" + otherId
                + "> work together, agreed on " + SlackDates.date(v.confirmedAt()) + ". Does it still hold?\n"
                + bullets(v.points()))))));
        blocks.add(privacy(otherId, "I'm asking you both."));
        Ref ref = new Ref(a.leaderId(), a.memberId(), a.reviewAt().getEpochSecond());
        blocks.add(actions(x -> x.elements(List.<BlockElement>of(
                AgreementButtons.button(AgreementButtons.STILL_HOLDS, "Still holds", ref, "primary"),
                AgreementButtons.button(AgreementButtons.LETS_REVISE, "Let's revise", ref, null)))));
        return new Message("Does your agreement with <@" + otherId + "> still hold? " + onlyTwo(otherId), blocks);
    }

    /** To the leader: the person answered the review. */
    static Message memberAnswered(Agreement a, boolean holds) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(holds
                ? ":white_check_mark: <@" + a.memberId() + "> says your agreement still holds."
                : ":pencil2: <@" + a.memberId() + "> would like to revise your agreement. *Revise* opens it, "
                        + "so you can send them a new version."))));
        blocks.add(privacy(a.memberId(), ""));
        if (!holds) {
            int latest = a.latest().map(Agreement.Version::number).orElse(0);
            blocks.add(actions(x -> x.elements(List.<BlockElement>of(AgreementButtons.button(AgreementButtons.REVISE,
                    "Revise", new Ref(a.leaderId(), a.memberId(), latest), "primary")))));
        }
        return new Message(holds ? "<@" + a.memberId() + "> says your agreement still holds."
                : "<@" + a.memberId() + "> would like to revise your agreement.", blocks);
    }

    /** A message of one section, its text also the notification. */
    static Message plain(String mrkdwn) {
        return new Message(mrkdwn, List.of(section(s -> s.text(markdownText(cut(mrkdwn))))));
    }

    /** What is different from the version confirmed before {@code v}, as mrkdwn; empty when nothing was. */
    static Optional<String> changes(Agreement a, Agreement.Version v) {
        return a.confirmedBefore(v.number()).map(before -> {
            List<AgreementDiff.Line> lines = AgreementDiff.between(before.points(), v.points());
            StringBuilder text = new StringBuilder("*What's different from the version confirmed on "
                    + SlackDates.date(before.confirmedAt()) + ":*");
            lines.forEach(l -> text.append('\n').append(SlackText.escape(l.shown())));
            if (lines.isEmpty()) {
                text.append("\n_Nothing: the points are the same._");
            }
            return cut(text.toString());
        });
    }

    static String bullets(List<String> points) {
        StringBuilder text = new StringBuilder();
        points.forEach(p -> text.append(text.isEmpty() ? "" : "\n").append("• ").append(SlackText.escape(p)));
        return cut(text.toString());
    }

    static String onlyTwo(String otherId) {
        return "Only you and <@" + otherId + "> see this agreement.";
    }

    private static List<LayoutBlock> proposalBody(Agreement a, Agreement.Version v, String head) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(head + "\n\n*" + TITLE + "*\n" + bullets(v.points())))));
        changes(a, v).ifPresent(c -> blocks.add(section(s -> s.text(markdownText(c)))));
        blocks.add(privacy(a.leaderId(), ""));
        return blocks;
    }

    private static LayoutBlock privacy(String otherId, String more) {
        String text = ":lock: " + onlyTwo(otherId) + (more.isEmpty() ? "" : " " + more);
        return context(x -> x.elements(asContextElements(markdownText(text))));
    }

    private static String quote(String text) {
        return "> " + SlackText.escape(SlackText.truncate(text == null ? "" : text.strip(), 1000)).replaceAll("\\R", "\n> ");
    }

    private static String cut(String mrkdwn) {
        return SlackText.truncate(mrkdwn, MAX_SECTION);
    }
}
