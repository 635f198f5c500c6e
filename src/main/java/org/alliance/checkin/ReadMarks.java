package org.alliance.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import org.alliance.slack.SlackDates;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * Where a "Thanks, I've read this" button was, a quiet line saying when it was read. A message
 * holding the button is changed in place, block by block, rather than rendered again: the
 * anonymous summary's answers are shuffled, and other features add their own buttons to it.
 */
final class ReadMarks {

    private ReadMarks() {
    }

    static LayoutBlock readLine(Instant at) {
        return Blocks.context(List.of(markdownText(":eyes: Read " + SlackDates.format(at))));
    }

    /**
     * The blocks with every {@code actionId} button replaced by the read line; the other buttons
     * beside it stay. Empty when no such button is there (already replaced, or another message).
     */
    static Optional<List<LayoutBlock>> replaced(List<LayoutBlock> blocks, String actionId, Instant at) {
        if (blocks == null) {
            return Optional.empty();
        }
        List<LayoutBlock> out = new ArrayList<>();
        boolean found = false;
        for (LayoutBlock block : blocks) {
            if (!(block instanceof ActionsBlock actions) || actions.getElements() == null
                    || actions.getElements().stream().noneMatch(e -> is(e, actionId))) {
                out.add(block);
                continue;
            }
            found = true;
            out.add(readLine(at));
            List<BlockElement> rest = actions.getElements().stream().filter(e -> !is(e, actionId)).toList();
            if (!rest.isEmpty()) {
                out.add(ActionsBlock.builder().blockId(actions.getBlockId()).elements(new ArrayList<>(rest)).build());
            }
        }
        return found ? Optional.of(out) : Optional.empty();
    }

    private static boolean is(BlockElement element, String actionId) {
        return element instanceof ButtonElement button && actionId.equals(button.getActionId());
    }
}
