package org.alliance.checkin;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import org.alliance.slack.SlackText;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * Collects blocks within Slack's limits, keeping trailing blocks (buttons) however long the body
 * is. Slack refuses a whole message when one block is too long or there are too many, so every
 * check-in message is built through this rather than by hand.
 */
final class Out {

    /** A message to send: {@code text} is the notification and fallback, {@code blocks} what is shown. */
    record Message(String text, List<LayoutBlock> blocks) {
    }

    static final int MAX_BLOCKS = 50;
    /** Slack's limit for a section's text. */
    static final int MAX_SECTION_TEXT = 3000;
    /** Slack's limit for one section field. */
    static final int MAX_FIELD_TEXT = 2000;

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

    /**
     * Splits mrkdwn into pieces of at most {@code max} characters: at a line break if one is near,
     * else at a space, else anywhere that is not inside an escape like {@code &amp;}, a
     * {@code <…>} token or a surrogate pair. A piece cut mid-line starts with {@code continuation}
     * (for quoted text, {@code "> "}), so it keeps its formatting.
     */
    private static List<String> split(String text, int max, String continuation) {
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
}
