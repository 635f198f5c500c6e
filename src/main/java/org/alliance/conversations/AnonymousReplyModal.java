package org.alliance.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;
import org.alliance.checkin.AnonymousAnswers.AnonymousAnswer;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asContextElements;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

/**
 * The leader's form to reply privately to one anonymous answer. It quotes the answer and says who
 * will see the reply; its private metadata is the answer's opaque key and nothing else.
 */
final class AnonymousReplyModal {

    static final String CALLBACK_ID = "anonymous_reply_submit";
    static final String TEXT_BLOCK = "anonymous_reply_text";
    static final String TEXT_ACTION = "text";
    private static final int QUOTED = 1000;

    private AnonymousReplyModal() {
    }

    static View view(AnonymousAnswer a, boolean continuing) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String said = "An anonymous answer to " + AnonymousMessages.question(a.question().text()) + ":\n"
                + AnonymousMessages.quote(a.answer(), QUOTED);
        blocks.add(section(s -> s.blockId("answer").text(markdownText(said))));
        blocks.add(input(i -> i.blockId(TEXT_BLOCK).label(plainText("Your reply"))
                .element(plainTextInput(p -> p.actionId(TEXT_ACTION).multiline(true)
                        .maxLength(AnonymousMessages.MAX_TEXT)))));
        String note = AnonymousMessages.MODAL_PRIVACY + (continuing
                ? " You already have a conversation about this answer in our DM; this adds to it." : "");
        blocks.add(context(c -> c.blockId("privacy").elements(asContextElements(markdownText(note)))));
        return Views.view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(a.key())
                .title(viewTitle(t -> t.type("plain_text").text("Reply privately")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    static String text(Map<String, Map<String, ViewState.Value>> values) {
        Map<String, ViewState.Value> block = values == null ? null : values.get(TEXT_BLOCK);
        ViewState.Value v = block == null ? null : block.get(TEXT_ACTION);
        return v == null ? null : v.getValue();
    }
}
