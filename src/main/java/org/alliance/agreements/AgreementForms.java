package org.alliance.agreements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.Views;
import org.alliance.agreements.AgreementButtons.Ref;
import org.alliance.slack.SlackText;

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
 * The two agreement forms: the leader's points and the person's suggested change. Pure. The
 * private metadata names only whom a form is about; a submission is checked again, never trusted.
 */
final class AgreementForms {

    static final String SUBMIT = "agreement_submit";
    static final String SUGGEST_SUBMIT = "agreement_suggest";
    static final String POINTS_BLOCK = "agreement_points";
    static final String SUGGESTION_BLOCK = "agreement_suggestion";
    static final String TEXT = "text";
    private static final int MAX_CONTEXT = 2900;

    /** Who the leader's form is about: the person, and the check-in it started from (null when revising). */
    record About(String memberId, String checkInId) {
        String metadata() {
            return memberId + "|" + (checkInId == null ? "" : checkInId);
        }

        static Optional<About> parse(String metadata) {
            int bar = metadata == null ? -1 : metadata.indexOf('|');
            if (bar <= 0) {
                return Optional.empty();
            }
            String checkInId = metadata.substring(bar + 1);
            return Optional.of(new About(metadata.substring(0, bar), checkInId.isEmpty() ? null : checkInId));
        }
    }

    private AgreementForms() {
    }

    static View form(Outcome.Draft d) {
        String member = "<@" + d.memberId() + ">";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("Turn what you learned into a few short points you and " + member
                + " agree on, *one per line*. They'll be asked to confirm them or suggest a change."))));
        if (d.suggestion() != null) {
            blocks.add(section(s -> s.text(markdownText(SlackText.truncate(member + " suggested a change:\n> "
                    + escape(d.suggestion()).replaceAll("\\R", "\n> "), MAX_CONTEXT)))));
        }
        if (!d.said().isEmpty()) {
            StringBuilder said = new StringBuilder("*What " + member + " answered*");
            d.said().forEach(s -> said.append("\n_").append(escape(s.question())).append("_\n> ")
                    .append(escape(s.answer()).replaceAll("\\R", "\n> ")));
            String text = SlackText.truncate(said.toString(), MAX_CONTEXT);
            blocks.add(section(s -> s.text(markdownText(text))));
        }
        String initial = SlackText.truncate(d.prefill(), Points.MAX_TEXT);
        blocks.add(input(i -> i.blockId(POINTS_BLOCK).label(plainText("Agreed points, one per line"))
                .element(plainTextInput(p -> p.actionId(TEXT).multiline(true).maxLength(Points.MAX_TEXT)
                        .initialValue(initial == null || initial.isBlank() ? null : initial)))));
        blocks.add(context(c -> c.elements(asContextElements(markdownText(":lock: Only you and " + member
                + " will see this agreement.")))));
        return Views.view(v -> v.type("modal").callbackId(SUBMIT)
                .privateMetadata(new About(d.memberId(), d.checkInId()).metadata())
                .title(viewTitle(t -> t.type("plain_text").text(AgreementMessages.TITLE)))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send to confirm")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    static View suggest(Agreement a, Agreement.Version v) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("*Version " + v.number() + "*\n"
                + AgreementMessages.bullets(v.points())))));
        blocks.add(input(i -> i.blockId(SUGGESTION_BLOCK).label(plainText("What would you change?"))
                .element(plainTextInput(p -> p.actionId(TEXT).multiline(true).maxLength(Points.MAX_SUGGESTION)))));
        blocks.add(context(c -> c.elements(asContextElements(markdownText(":lock: Only <@" + a.leaderId()
                + "> will see your suggestion, and only the two of you see this agreement.")))));
        return Views.view(x -> x.type("modal").callbackId(SUGGEST_SUBMIT)
                .privateMetadata(new Ref(a.leaderId(), a.memberId(), v.number()).value())
                .title(viewTitle(t -> t.type("plain_text").text("Suggest a change")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    static String text(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> b = values == null ? null : values.get(block);
        ViewState.Value v = b == null ? null : b.get(TEXT);
        return v == null ? null : v.getValue();
    }
}
