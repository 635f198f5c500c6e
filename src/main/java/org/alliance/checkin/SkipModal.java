package org.alliance.checkin;

import java.util.Map;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/** "Not now": skipping a check-in, with a reason if the person wants to give one. */
final class SkipModal {

    static final String CALLBACK_ID = "checkin_skip_submit";
    static final String REASON_BLOCK = "reason";

    private SkipModal() {
    }

    static View view(CheckIn checkIn) {
        return View.builder()
                .type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(checkIn.id())
                .title(viewTitle(t -> t.type("plain_text").text("Not now")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Skip")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(asBlocks(
                        section(s -> s.text(markdownText("Skip *" + org.alliance.slack.SlackText.escape(checkIn.title())
                                + "* from <@" + checkIn.leaderId() + ">? That's fine; a reason helps them follow up, "
                                + "but you don't have to give one."))),
                        input(i -> i.blockId(REASON_BLOCK).optional(true)
                                .label(plainText("Reason (optional)"))
                                .element(plainTextInput(p -> p.actionId("reason").multiline(true).maxLength(3000))))))
                .build();
    }

    static String reason(Map<String, Map<String, ViewState.Value>> values) {
        Map<String, ViewState.Value> block = values == null ? null : values.get(REASON_BLOCK);
        ViewState.Value value = block == null ? null : block.get("reason");
        return value == null ? null : value.getValue();
    }
}
