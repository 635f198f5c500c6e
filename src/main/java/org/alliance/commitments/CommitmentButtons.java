package org.alliance.commitments;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.element.ButtonElement;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** The buttons of commitments, and how their values are read back. */
final class CommitmentButtons {

    static final String DONE = "commitment_done";
    static final String HELPED = "commitment_helped";

    private CommitmentButtons() {
    }

    static ButtonElement doneButton(String commitmentId) {
        return button(b -> b.actionId(DONE).value(commitmentId).style("primary").text(plainText("Mark done")));
    }

    static List<ButtonElement> helpedButtons(String commitmentId) {
        return Arrays.stream(Helped.values())
                .map(h -> button(b -> b.actionId(HELPED).value(pair(commitmentId, h.name())).text(plainText(h.label()))))
                .toList();
    }

    /** {@code a:b}; neither a short id nor a Slack user id ever holds a colon. */
    static String pair(String a, String b) {
        return a + ":" + b;
    }

    /** The two halves of a {@link #pair}; empty when the value is not one. */
    static Optional<String[]> unpair(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1 || value.indexOf(':', colon + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {value.substring(0, colon), value.substring(colon + 1)});
    }
}
