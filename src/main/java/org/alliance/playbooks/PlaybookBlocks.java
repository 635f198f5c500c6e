package org.alliance.playbooks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import org.alliance.slack.SlackDates;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/**
 * A leader's running playbooks with their upcoming steps, two blocks each: what comes when, then Skip (the
 * next step) and Stop (the rest). Home and {@code /alliance playbooks} show the same.
 */
public final class PlaybookBlocks {

    private PlaybookBlocks() {
    }

    /** At most {@code max} playbooks, then "and N more" pointing at {@code /alliance playbooks}. */
    public static List<LayoutBlock> upcoming(List<Playbook> playbooks, int max) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Playbook p : playbooks.subList(0, Math.min(max, playbooks.size()))) {
            Playbook.Step next = p.steps().stream().filter(Playbook.Step::planned).findFirst().orElse(null);
            if (next == null) {
                continue;
            }
            blocks.add(section(s -> s.blockId("playbook:" + p.id()).text(markdownText(line(p)))));
            String label = PlaybookSteps.label(next.name());
            blocks.add(actions(a -> a.blockId("playbook_actions:" + p.id()).elements(List.of(
                    button(b -> b.actionId(PlaybookButtons.SKIP).value(PlaybookButtons.skipValue(p, next))
                            .text(plainText("Skip the " + label))),
                    button(b -> b.actionId(PlaybookButtons.STOP).value(p.id()).style("danger")
                            .text(plainText("Stop")).confirm(ConfirmationDialogObject.builder()
                                    .title(plainText("Stop " + p.id() + "?")).confirm(plainText("Stop it"))
                                    .deny(plainText("Keep it"))
                                    .text(plainText("None of its steps still to come will start. A step already "
                                            + "running goes on until it ends."))
                                    .build()))))));
        }
        if (playbooks.size() > max) {
            blocks.add(context(c -> c.elements(List.of(markdownText("…and " + (playbooks.size() - max)
                    + " more. `/alliance playbooks` shows them all.")))));
        }
        return blocks;
    }

    static String line(Playbook p) {
        String steps = p.steps().stream().filter(Playbook.Step::planned)
                .map(s -> "the " + PlaybookSteps.label(s.name()) + " " + SlackDates.format(s.at()))
                .collect(Collectors.joining(", then "));
        return ":notebook: `" + p.id() + "` *" + PlaybookSteps.title(p.purpose()) + "* playbook in <#" + p.channelId()
                + ">\nNext: " + steps;
    }
}
