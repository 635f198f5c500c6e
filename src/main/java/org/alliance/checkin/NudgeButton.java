package org.alliance.checkin;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.block.element.BlockElements;
import org.alliance.slack.SlackText;

/**
 * The leader's status reply with a Nudge now button under it. Blocks replace the text on screen,
 * so the text goes into sections (3000 characters each at most) and stays as the fallback too.
 */
final class NudgeButton {

    private static final int SECTION = 2900;
    private static final int MAX_SECTIONS = 45;

    private NudgeButton() {
    }

    /** Only the leader of an open check-in with someone still to answer has anyone to nudge. */
    static boolean canNudge(CheckInQueries.Status s) {
        return s.asLeader() && s.checkIn().isOpen() && s.responses().stream()
                .anyMatch(r -> r.status() == ResponseStatus.PENDING && r.dmTs() != null);
    }

    static SlashCommandResponse reply(String text, String checkInId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String part : sections(text)) {
            blocks.add(Blocks.section(s -> s.text(BlockCompositions.markdownText(part))));
        }
        blocks.add(Blocks.actions(List.of(BlockElements.button(b -> b.actionId(Nudges.ACTION).value(checkInId)
                .text(BlockCompositions.plainText("Nudge now"))))));
        return SlashCommandResponse.builder().responseType("ephemeral").text(text).blocks(blocks).build();
    }

    /** Cut at line ends where possible; what doesn't fit in a message is left to the text above. */
    static List<String> sections(String text) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (!rest.isEmpty() && out.size() < MAX_SECTIONS) {
            if (rest.length() <= SECTION) {
                out.add(rest);
                break;
            }
            int cut = rest.lastIndexOf('\n', SECTION);
            cut = cut > 0 ? cut : SlackText.safeCut(rest, SECTION);
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        return out;
    }
}
