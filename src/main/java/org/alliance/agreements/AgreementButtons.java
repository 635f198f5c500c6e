package org.alliance.agreements;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.model.block.element.ButtonElement;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * The buttons of agreements. Each value names the pair and a number ({@code leaderId:memberId:n}:
 * a version, or a review's time in epoch seconds); whoever clicks is checked against the pair, so
 * a crafted value reaches nothing that isn't the clicker's own.
 */
public final class AgreementButtons {

    /** Earlier versions and what changed, from History; the value is {@code leaderId:memberId:0}. */
    public static final String VERSIONS = id("agreement_versions");
    static final String CONFIRM = "agreement_confirm";
    static final String SUGGEST = "agreement_suggest_open";
    static final String REVISE = "agreement_revise";
    static final String STILL_HOLDS = "agreement_still_holds";
    static final String LETS_REVISE = "agreement_lets_revise";

    private static final Pattern VALUE = Pattern.compile("([UW][A-Z0-9]+):([UW][A-Z0-9]+):(\\d{1,12})");

    /** What a button is about. */
    record Ref(String leaderId, String memberId, long number) {
        String value() {
            return leaderId + ":" + memberId + ":" + number;
        }

        int version() {
            return (int) Math.min(number, Integer.MAX_VALUE);
        }

        static Optional<Ref> parse(String value) {
            Matcher m = value == null ? null : VALUE.matcher(value);
            if (m == null || !m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Ref(m.group(1), m.group(2), Long.parseLong(m.group(3))));
        }
    }

    private AgreementButtons() {
    }

    /** The History button to earlier versions of the pair's agreement. */
    public static ButtonElement versions(String leaderId, String memberId) {
        return button(VERSIONS, "Earlier versions", new Ref(leaderId, memberId, 0), null);
    }

    static ButtonElement button(String actionId, String label, Ref ref, String style) {
        return com.slack.api.model.block.element.BlockElements.button(b -> b.actionId(actionId).value(ref.value())
                .style(style).text(plainText(label)));
    }

    /** Not a compile-time constant on purpose, so the architecture test can see who uses this contract. */
    private static String id(String actionId) {
        return actionId;
    }
}
