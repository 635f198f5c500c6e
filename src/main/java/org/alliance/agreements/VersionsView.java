package org.alliance.agreements;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * Every version of one agreement that was ever confirmed, newest first, each with what changed
 * from the one before; and the version waiting for the person, if any. Pure. Each version is one
 * section and a divider, so {@link #MAX_VERSIONS} keep a view far inside Slack's 100 blocks.
 */
final class VersionsView {

    static final int MAX_VERSIONS = 40;

    private VersionsView() {
    }

    /** @param viewerId one of the two: the view names the other */
    static View of(Agreement a, String viewerId) {
        String other = viewerId.equals(a.leaderId()) ? a.memberId() : a.leaderId();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*" + AgreementMessages.TITLE + "*: you and <@" + other
                + ">, every version, newest first."))));
        blocks.add(context(c -> c.elements(asContextElements(markdownText(":lock: "
                + AgreementMessages.onlyTwo(other))))));
        blocks.add(divider());
        a.pending().ifPresent(p -> {
            blocks.add(section(s -> s.text(markdownText(entry(a, p, "waiting for <@" + a.memberId()
                    + "> to confirm, sent " + SlackDates.date(p.proposedAt()))))));
            blocks.add(divider());
        });
        List<Agreement.Version> confirmed = a.confirmedVersions();
        for (Agreement.Version v : confirmed.subList(0, Math.min(confirmed.size(), MAX_VERSIONS))) {
            String state = (v.status() == Agreement.Status.CONFIRMED ? "current, " : "") + "confirmed "
                    + SlackDates.date(v.confirmedAt());
            blocks.add(section(s -> s.text(markdownText(entry(a, v, state)))));
            blocks.add(divider());
        }
        if (confirmed.isEmpty() && a.pending().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("_Nothing agreed yet._"))));
        }
        return Views.view(v -> v.type("modal").callbackId("agreement_versions")
                .title(viewTitle(t -> t.type("plain_text").text("Agreement versions")))
                .close(viewClose(c -> c.type("plain_text").text("Back")))
                .blocks(blocks));
    }

    private static String entry(Agreement a, Agreement.Version v, String state) {
        StringBuilder text = new StringBuilder("*Version ").append(v.number()).append("* · ").append(state)
                .append('\n').append(AgreementMessages.bullets(v.points()));
        AgreementMessages.changes(a, v).ifPresent(c -> text.append('\n').append(c));
        if (a.confirmedBefore(v.number()).isEmpty() && v.wasConfirmed()) {
            text.append("\n_The first version you agreed._");
        }
        return SlackText.truncate(text.toString(), 3000);
    }
}
