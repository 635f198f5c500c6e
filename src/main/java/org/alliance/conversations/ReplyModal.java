package org.alliance.conversations;

import java.util.List;
import java.util.Map;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;
import org.alliance.checkin.AnswerLoop.Answer;

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
import static org.alliance.slack.SlackText.escape;

/**
 * The small Reply form under a shared answer. Private metadata is the response id; the submission
 * is checked again against the check-in, never trusted.
 */
final class ReplyModal {

    static final String CALLBACK_ID = "conversation_reply_submit";
    static final String TEXT_BLOCK = "reply_text";
    static final String TEXT_ACTION = "text";

    private ReplyModal() {
    }

    static View view(Answer a) {
        String personId = a.response().userId();
        String who = "<@" + personId + ">";
        // A mention shows the person's name without a users.info call, which the 3-second trigger can't wait for.
        return Views.view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(a.response().id())
                .title(viewTitle(t -> t.type("plain_text").text("Reply")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.blockId("to").text(markdownText("Reply to " + who + " about their answer to *"
                                + escape(a.checkIn().title()) + "* (`" + a.checkIn().id() + "`)"))),
                        input(i -> i.blockId(TEXT_BLOCK).label(plainText("Your reply"))
                                .element(plainTextInput(p -> p.actionId(TEXT_ACTION).multiline(true)
                                        .maxLength(ConversationMessages.MAX_TEXT)))),
                        context(c -> c.blockId("who").elements(asContextElements(markdownText("Only " + who
                                + " sees your reply, in their check-in DM; their answers back reach only you.")))))));
    }

    static String text(Map<String, Map<String, ViewState.Value>> values) {
        Map<String, ViewState.Value> block = values == null ? null : values.get(TEXT_BLOCK);
        ViewState.Value v = block == null ? null : block.get(TEXT_ACTION);
        return v == null ? null : v.getValue();
    }
}
