package org.alliance.privacy;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** What {@code /alliance forget-me} says: the question before, and what was erased after. */
final class ForgetMeMessages {

    static final String CONFIRM = "privacy_forget_confirm";
    static final String CANCEL = "privacy_forget_cancel";
    static final String QUESTION = ":wastebasket: *Erase your data in Alliance?* Your answers, reasons for skipping, "
            + "suggestions and replies on their way are erased for good, and your user id is replaced by a "
            + "pseudonym everywhere else, so your leaders' counts stay right but no longer point to you. "
            + "Check-ins you lead keep the answers people gave you (those are theirs); your open ones stop. "
            + "Messages already in Slack stay there. This can't be undone: `/alliance my-data` first if you "
            + "want a copy.";
    static final String CANCELLED = "Nothing was erased.";
    static final String ERASING = ":hourglass_flowing_sand: Erasing your data… I'll tell you in our DM when it's done.";

    private ForgetMeMessages() {
    }

    static List<LayoutBlock> question() {
        return List.of(section(s -> s.text(markdownText(QUESTION))),
                actions(a -> a.blockId("privacy_forget").elements(List.of(
                        button(b -> b.actionId(CONFIRM).value("forget-me").style("danger")
                                .text(plainText("Erase my data"))
                                .confirm(ConfirmationDialogObject.builder().title(plainText("Erase for good?"))
                                        .text(plainText("This can't be undone.")).confirm(plainText("Erase"))
                                        .deny(plainText("Keep it")).build())),
                        button(b -> b.actionId(CANCEL).value("keep").text(plainText("Cancel")))))));
    }

    static String done(Erasure.Outcome outcome) {
        StringBuilder text = new StringBuilder(":white_check_mark: Your data in Alliance was erased");
        text.append(outcome.failed().isEmpty() ? "." : ", except for a part I couldn't reach ("
                + String.join(", ", outcome.failed()) + "): please run `/alliance forget-me` again in a minute.");
        if (outcome.counts().isEmpty()) {
            text.append("\nI had nothing stored about you.");
        }
        outcome.counts().forEach((what, n) -> text.append("\n• ").append(what).append(": ").append(n));
        text.append("\nCheck-ins you led (if any) keep the answers people gave you: those are theirs, and each of "
                + "them can download or erase their own. ");
        text.append(outcome.leaderIds().isEmpty() ? "No leader had to be told."
                : outcome.leaderIds().size() == 1 ? "The leader concerned was told that someone's data was erased, not whose."
                : "The " + outcome.leaderIds().size() + " leaders concerned were told that someone's data was "
                + "erased, not whose.");
        return text.toString();
    }
}
